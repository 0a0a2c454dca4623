from carerouter.cli import main

main()
