"""Weighted intent lexicons, one block per language.

Layout: ``INTENT_LEXICON[lang][intent][phrase] = weight``. Phrase syntax is
described in :mod:`.matcher` (``*`` = word continuation, apostrophes optional,
accents and case ignored). Weights: 3 = unambiguous phrase, 2 = strong word,
1 = suggestive, 0 = a neutral phrase listed only so that it shadows a shorter
misleading one ("in order to" must not count as "order").

``zh`` covers simplified and traditional Chinese; ``"*"`` holds language-neutral
entries (emoji), which are never down-weighted as foreign.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

Lexicon = Mapping[str, Mapping[str, Mapping[str, float]]]
CueLexicon = Mapping[str, Mapping[str, float]]

# fmt: off
EN: Final = {
    "defect": {
        "hacked": 2.0, "account hacked": 3.0, "got hacked": 3.0,
        "not working": 2.5, "isn't working": 2.5, "doesn't work": 2.5, "does not work": 2.5,
        "don't work": 2.0, "stopped working": 3.0, "won't work": 2.0, "won't turn on": 3.0,
        "won't start": 2.5, "won't load": 2.5, "not loading": 2.5, "won't open": 2.5,
        "keeps crashing": 3.0, "crash*": 2.0, "broken": 2.0, "bug": 2.0, "bugs": 2.0,
        "buggy": 2.0, "glitch*": 2.0, "error": 1.5, "error message": 2.5, "down": 1.0,
        "is down": 2.5, "are down": 2.5, "outage": 3.0, "no signal": 2.5, "no internet": 2.5,
        "no service": 2.0, "not responding": 2.0, "unresponsive": 2.0, "frozen": 1.5,
        "freez*": 1.5, "faulty": 2.5, "defect*": 2.5, "malfunction*": 2.5, "damaged": 2.0,
        "arrived damaged": 3.0, "arrived broken": 3.0, "dead on arrival": 3.0,
        "cracked": 1.5, "can't log in": 3.0, "can't login": 3.0, "cannot log in": 3.0,
        "cannot login": 3.0, "unable to log in": 3.0, "unable to login": 3.0,
        "can't sign in": 3.0, "cannot sign in": 3.0, "can't access my account": 3.0,
        "locked out": 3.0, "login fail*": 3.0, "login issue*": 2.5, "login problem*": 2.5,
        "keeps logging me out": 3.0, "didn't receive the code": 2.0, "failing": 1.5,
        "failed": 1.0, "fails": 1.0, "won't connect": 2.5, "can't connect": 2.5,
        "keeps disconnecting": 3.0, "disconnect*": 1.5, "blank screen": 2.5,
        "black screen": 2.5, "stuck on": 1.5, "not charging": 2.5, "won't charge": 2.5,
        "battery drain*": 2.0, "overheat*": 2.0, "something went wrong": 2.5,
        "out of order": 2.5, "fix": 1.0, "fix this": 1.5, "glitchy": 2.0, "lagging": 1.5,
        "site down": 2.5, "app down": 2.5, "not work": 2.0,
    },
    "order": {
        "order": 1.0, "my order": 1.5, "orders": 1.0, "where is my order": 3.0,
        "where's my order": 3.0, "order status": 2.5, "order number": 2.0,
        "hasn't arrived": 2.5, "has not arrived": 2.5, "haven't received": 2.5,
        "have not received": 2.5, "not received": 2.0, "never arrived": 2.5,
        "never received": 2.5, "not delivered": 2.5, "deliver*": 1.5, "shipping": 1.5,
        "shipment*": 1.5, "shipped": 1.5, "tracking": 2.0, "tracking number": 2.5,
        "track my": 2.0, "parcel": 2.0, "package": 1.5, "courier": 1.5, "wrong item": 3.0,
        "wrong size": 2.5, "wrong order": 3.0, "missing item*": 3.0, "item missing": 3.0,
        "cancel my order": 3.0, "cancel*": 1.5, "return": 1.0, "returns": 1.5,
        "return label": 2.5, "refund*": 2.5, "money back": 2.0, "charged twice": 3.0,
        "double charged": 3.0, "charged": 1.5, "charge": 1.0, "overcharged": 2.0,
        "bill": 1.0, "billing": 2.0, "invoice": 2.0, "payment": 1.5, "receipt": 1.5,
        "booking": 2.0, "reservation": 2.0, "flight": 0.5, "baggage": 2.5, "luggage": 2.5,
        "lost bag*": 3.0, "suitcase": 2.0, "pre-order": 2.0, "preorder": 2.0,
        "out for delivery": 2.5, "dispatch*": 1.5, "arriv*": 1.0, "exchange": 1.0,
        "replacement": 1.5, "subscription": 1.0, "purchase": 1.0, "bought": 1.0,
        "delivered to the wrong": 3.0, "still waiting for my": 2.0,
    },
    "complaint": {
        "terrible": 2.0, "awful": 2.0, "horrible": 2.0, "worst": 2.5, "disgusting": 2.0,
        "disgrace*": 2.5, "ridiculous": 2.0, "unacceptable": 2.5, "pathetic": 2.0,
        "useless": 2.0, "rude": 2.5, "unhelpful": 2.5, "incompetent": 2.5,
        "poor service": 3.0, "bad service": 3.0, "customer service": 1.0, "nobody": 1.0,
        "no one": 1.0, "no response": 2.0, "no reply": 2.0, "ignored": 2.0,
        "ignoring": 2.0, "on hold": 2.5, "hours on hold": 3.0, "waiting for": 1.0,
        "still waiting": 2.0, "waited": 1.5, "wait time": 2.0, "delay*": 2.0, "late": 1.0,
        "overpriced": 2.5, "too expensive": 2.5, "rip off": 2.5, "ripoff": 2.5,
        "rip-off": 2.5, "scam": 1.5, "never again": 2.5, "disappoint*": 2.5,
        "fed up": 2.5, "sick of": 2.0, "tired of": 2.0, "complain*": 2.5,
        "not happy": 2.5, "unhappy": 2.0, "frustrat*": 2.0, "annoy*": 1.5, "joke": 1.5,
        "shame on": 2.5, "fail": 1.0, "epic fail": 2.0, "every time": 1.0,
        "worst experience": 3.0, "queue": 1.5, "price increase": 2.0, "hidden fee*": 2.5,
        "lied": 2.0, "misleading": 2.0, "let down": 2.0, "let me down": 2.5,
        "thanks for nothing": 3.0, "hours": 0.5, "waste of": 2.0, "sucks": 2.0,
        "shocking": 2.0, "appalling": 2.5, "what a joke": 3.0,
    },
    "praise": {
        "thank you": 2.5, "thanks": 2.0, "thx": 2.0, "ty": 1.0, "cheers": 1.0,
        "appreciate*": 2.0, "grateful": 2.0, "great service": 3.0, "excellent": 2.0,
        "amazing": 2.0, "awesome": 2.0, "fantastic": 2.0, "brilliant": 2.0, "love": 1.5,
        "loving": 1.5, "love it": 2.5, "great": 1.0, "good job": 2.5, "well done": 2.5,
        "kudos": 2.5, "shout out": 2.0, "shoutout": 2.0, "helpful": 2.0,
        "so helpful": 2.5, "best": 1.0, "perfect": 1.5, "impressed": 2.0,
        "quick response": 2.0, "fast delivery": 2.0, "5 stars": 2.0, "no complaints": 1.5,
    },
    "question": {
        "available": 1.0, "availability": 1.5, "in stock": 2.0, "how much": 1.5,
        "do you sell": 2.5, "do you ship to": 2.5, "opening hours": 2.0,
        "compatible with": 2.0, "does it support": 2.0, "release date": 2.0,
        "wondering": 1.5, "any plans": 1.5, "difference between": 2.0,
        "is there a way": 2.5, "quick question": 2.5, "question": 1.5,
        "recommend": 1.0, "which plan": 2.0,
    },
    "other": {
        "in order to": 0.0, "thanks in advance": 0.0, "no thanks": 0.0, "calm down": 0.0,
        "follow back": 2.5, "follow me": 2.0, "check out my": 2.5, "giveaway": 2.5,
        "crypto": 2.0, "bitcoin": 2.0, "nft": 2.0, "dm me for": 2.0, "free followers": 3.0,
        "click the link": 2.0, "link in bio": 3.0, "earn money": 2.5, "work from home": 2.0,
        "happy friday": 2.5, "happy monday": 2.0, "good morning": 1.5, "lol": 1.0,
        "lmao": 1.0, "who's watching": 2.0, "retweet": 1.0, "rt if": 2.0, "win a": 1.5,
        "sponsored": 2.0, "subscribe to my": 2.5, "check my channel": 2.5,
    },
}
# fmt: on

# fmt: off
ES: Final = {
    "defect": {
        "hackeado": 2.0, "hackeada": 2.0, "me hackearon": 3.0,
        "no funciona": 2.5, "no me funciona": 2.5, "dejó de funcionar": 3.0,
        "deja de funcionar": 2.5, "no anda": 2.0, "no carga": 2.0, "no enciende": 3.0,
        "no prende": 3.0, "se cuelga": 2.5, "se bloquea": 2.0, "se cierra sola": 2.5,
        "caído": 2.0, "caída": 2.0, "está caído": 2.5, "error": 1.5, "fallo": 2.0,
        "falla": 2.0, "avería": 2.5, "averiado": 2.5, "roto": 2.0, "rota": 2.0,
        "llegó roto": 3.0, "llegó dañado": 3.0, "dañado": 2.0, "defectuoso": 2.5,
        "no puedo entrar": 3.0, "no puedo iniciar sesión": 3.0, "no puedo acceder": 3.0,
        "no me deja entrar": 3.0, "cuenta bloqueada": 3.0, "sin servicio": 2.5,
        "sin internet": 2.5, "sin señal": 2.5, "sin conexión": 2.5, "no hay internet": 2.5,
        "bug": 2.0, "no va": 1.5, "no sirve": 2.0,
    },
    "order": {
        "pedido": 2.0, "mi pedido": 2.5, "dónde está mi pedido": 3.0,
        "no ha llegado": 2.5, "no me ha llegado": 3.0, "no llega": 2.0,
        "no llegó": 2.5, "envío": 2.0, "entrega": 2.0, "paquete": 2.0,
        "seguimiento": 2.0, "reembolso": 2.5, "devolución": 2.5, "devolver": 1.5,
        "cancelar": 1.5, "cancelación": 2.0, "cobro": 2.0, "me cobraron": 2.0,
        "me cobraron dos veces": 3.0, "cargo": 1.5, "factura": 2.0, "reserva": 2.0,
        "equipaje": 2.5, "maleta": 2.0, "producto equivocado": 3.0,
        "artículo equivocado": 3.0, "talla equivocada": 2.5, "compra": 1.5,
        "repartidor": 2.0, "mensajero": 1.5, "encomienda": 2.0, "orden": 1.0,
    },
    "complaint": {
        "pésimo": 2.5, "pésima": 2.5, "pésimo servicio": 3.0, "mal servicio": 3.0,
        "malísimo": 2.5, "horrible": 2.0, "terrible": 2.0, "vergüenza": 2.5,
        "indignante": 2.5, "inaceptable": 2.5, "nadie responde": 2.5,
        "nadie contesta": 2.5, "no contestan": 2.5, "esperando": 1.5,
        "horas esperando": 3.0, "en espera": 2.0, "retraso": 2.0, "demora": 2.0,
        "caro": 1.5, "carísimo": 2.0, "estafa": 1.5, "queja": 2.5, "reclamación": 2.5,
        "reclamo": 2.0, "harto": 2.5, "harta": 2.5, "decepcion*": 2.5, "nunca más": 2.5,
        "maleducado": 2.5, "groseros": 2.5, "atención al cliente": 1.0,
        "lamentable": 2.5, "desastre": 2.0, "un desastre": 2.5, "una vergüenza": 3.0,
    },
    "praise": {
        "gracias": 2.0, "muchas gracias": 2.5, "excelente": 2.0, "genial": 1.5,
        "increíble": 1.5, "me encanta": 2.5, "encanta": 1.5, "buen servicio": 3.0,
        "gran servicio": 3.0, "muy amables": 2.5, "amable": 1.5, "felicidades": 2.0,
        "enhorabuena": 2.0, "perfecto": 1.5, "los mejores": 2.0,
    },
    "question": {
        "disponible": 1.0, "disponibilidad": 1.5, "hay stock": 2.0, "cuánto cuesta": 2.0,
        "precio": 1.0, "horario": 1.5, "es compatible": 2.0, "una pregunta": 2.5,
        "consulta": 1.5,
    },
    "other": {
        "sorteo": 2.0, "sígueme": 2.5, "buenos días": 1.0, "feliz viernes": 2.0,
        "jaja*": 1.0, "gracias de antemano": 0.0,
    },
}
# fmt: on

# fmt: off
DE: Final = {
    "defect": {
        "gehackt": 2.5,
        "funktioniert nicht": 2.5, "funktioniert nicht mehr": 3.0, "geht nicht": 2.0,
        "klappt nicht": 2.0, "kaputt": 2.5, "defekt": 2.5, "störung": 2.5,
        "ausfall": 2.5, "stürzt ab": 3.0, "absturz": 2.5, "fehler": 1.5,
        "fehlermeldung": 2.5, "lädt nicht": 2.5, "kein internet": 2.5, "kein netz": 2.5,
        "kein empfang": 2.5, "kein signal": 2.5, "kann mich nicht einloggen": 3.0,
        "kann mich nicht anmelden": 3.0, "gesperrt": 2.0, "beschädigt": 2.5,
        "zerbrochen": 2.0, "bug": 2.0, "hängt": 1.5, "startet nicht": 3.0,
    },
    "order": {
        "bestellung": 2.0, "meine bestellung": 2.5, "wo ist meine bestellung": 3.0,
        "bestellnummer": 2.0, "lieferung": 2.0, "geliefert": 1.5,
        "nicht angekommen": 2.5, "noch nicht angekommen": 3.0, "nicht geliefert": 2.5,
        "paket": 2.0, "sendung": 2.0, "sendungsverfolgung": 2.5, "versand": 2.0,
        "rücksendung": 2.5, "retoure": 2.5, "rückerstattung": 2.5, "erstattung": 2.5,
        "geld zurück": 2.5, "stornieren": 2.5, "stornierung": 2.5, "storniert": 2.0,
        "kündigen": 1.5, "abbuchung": 2.0, "doppelt abgebucht": 3.0, "rechnung": 2.0,
        "buchung": 2.0, "gepäck": 2.5, "koffer": 2.0, "falscher artikel": 3.0,
        "falsche größe": 2.5, "zusteller": 2.0,
    },
    "complaint": {
        "schlechter service": 3.0, "schlechter kundenservice": 3.0, "unverschämt": 2.5,
        "frechheit": 2.5, "katastrophe": 2.5, "katastrophal": 2.5, "enttäuscht": 2.5,
        "enttäuschend": 2.5, "niemand antwortet": 2.5, "keine antwort": 2.0,
        "warteschleife": 2.5, "warte seit": 2.5, "stunden": 0.5, "verspätung": 2.0,
        "verspätet": 2.0, "zu teuer": 2.5, "abzocke": 2.5, "unfreundlich": 2.5,
        "beschwerde": 2.5, "nie wieder": 2.5, "schlecht": 1.5, "mies": 2.0,
        "ärgerlich": 2.0, "peinlich": 2.0, "schrecklich": 2.0, "furchtbar": 2.0,
    },
    "praise": {
        "danke": 2.0, "vielen dank": 2.5, "danke schön": 2.5, "super": 1.0, "toll": 1.5,
        "klasse": 1.5, "spitze": 1.5, "großartig": 2.0, "hervorragend": 2.0,
        "ausgezeichnet": 2.0, "top service": 3.0, "toller service": 3.0,
        "sehr hilfreich": 2.5, "hilfreich": 1.5, "begeistert": 2.0, "perfekt": 1.5,
    },
    "question": {
        "verfügbar": 1.5, "lieferbar": 1.5, "auf lager": 2.0, "was kostet": 2.0,
        "kompatibel": 1.5, "öffnungszeiten": 2.0, "frage": 1.5, "kurze frage": 2.5,
    },
    "other": {
        "gewinnspiel": 2.5, "folgt mir": 2.0, "guten morgen": 1.0,
        "schönes wochenende": 2.0, "danke im voraus": 0.0,
    },
}
# fmt: on

# fmt: off
FR: Final = {
    "defect": {
        "piraté": 2.0, "piratée": 2.0,
        "ne fonctionne pas": 2.5, "ne fonctionne plus": 3.0, "fonctionne pas": 2.0,
        "ne marche pas": 2.5, "ne marche plus": 3.0, "marche pas": 2.0, "marche plus": 2.0,
        "en panne": 2.5, "panne": 2.5, "bug": 2.0, "beug*": 2.0, "plante": 1.5,
        "plantage": 2.0, "erreur": 1.5, "cassé": 2.0, "cassée": 2.0, "arrivé cassé": 3.0,
        "endommagé": 2.5, "défectueux": 2.5, "impossible de me connecter": 3.0,
        "impossible de se connecter": 3.0, "je n'arrive pas à me connecter": 3.0,
        "pas de réseau": 2.5, "pas d'internet": 2.5, "plus de connexion": 2.5,
        "coupure": 2.0, "ne s'allume pas": 3.0, "ne s'allume plus": 3.0,
        "compte bloqué": 3.0,
    },
    "order": {
        "commande": 2.0, "ma commande": 2.5, "où est ma commande": 3.0, "colis": 2.5,
        "livraison": 2.0, "livré": 1.5, "pas reçu": 2.5, "jamais reçu": 2.5,
        "toujours pas reçu": 3.0, "pas arrivé": 2.5, "suivi": 1.5, "remboursement": 2.5,
        "rembourser": 2.5, "retour": 1.5, "annuler": 1.5, "annulation": 2.0,
        "annulé": 1.5, "facture": 2.0, "prélèvement": 2.0, "prélevé deux fois": 3.0,
        "débité": 2.0, "réservation": 2.0, "bagage": 2.5, "bagages": 2.5, "valise": 2.0,
        "mauvais article": 3.0, "mauvaise taille": 2.5, "livreur": 2.0,
    },
    "complaint": {
        "honteux": 2.5, "honte": 2.0, "scandaleux": 2.5, "inadmissible": 2.5,
        "inacceptable": 2.5, "nul": 2.0, "nulle": 2.0, "lamentable": 2.5, "déçu": 2.5,
        "déçue": 2.5, "décevant": 2.5, "personne ne répond": 2.5, "aucune réponse": 2.5,
        "attente": 1.5, "des heures d'attente": 3.0, "retard": 2.0, "trop cher": 2.5,
        "arnaque": 1.5, "réclamation": 2.5, "plainte": 2.5, "marre": 2.5,
        "ras le bol": 2.5, "service client": 1.0, "pire": 2.0, "horrible": 2.0,
        "catastrophique": 2.5, "désagréable": 2.5, "plus jamais": 2.5,
    },
    "praise": {
        "merci": 2.0, "merci beaucoup": 2.5, "génial": 1.5, "super": 1.0,
        "excellent": 2.0, "bravo": 2.5, "parfait": 1.5, "au top": 2.5, "j'adore": 2.5,
        "formidable": 2.0, "efficace": 1.5, "très réactif": 2.5, "sympa": 1.5,
    },
    "question": {
        "disponible": 1.0, "en stock": 2.0, "combien coûte": 2.0, "prix": 1.0,
        "compatible": 1.5, "horaires": 1.5, "question": 1.5, "petite question": 2.5,
    },
    "other": {
        "concours": 2.0, "abonnez-vous": 2.5, "mdr": 1.0, "merci d'avance": 0.0,
    },
}
# fmt: on

# fmt: off
PT: Final = {
    "defect": {
        "hackeado": 2.0, "hackeada": 2.0, "conta invadida": 3.0, "invadiram a minha conta": 3.0,
        "não funciona": 2.5, "não funcionam": 2.5, "não funcionou": 2.5,
        "não está a funcionar": 2.5, "não está funcionando": 2.5, "não tá funcionando": 2.5,
        "parou de funcionar": 3.0, "deixou de funcionar": 3.0, "funciona mal": 2.0,
        "não liga": 2.5, "não acende": 2.5, "não abre": 2.5, "não carrega": 2.0,
        "não conecta": 2.5, "não liga mais": 3.0, "não dá sinal": 2.5, "não pega": 1.5,
        "travando": 2.0, "travou": 2.0, "trava": 1.5, "travado": 2.0, "travada": 2.0,
        "congel*": 2.0, "crash*": 2.0, "fora do ar": 3.0, "caiu": 1.5, "caiu a internet": 3.0,
        "internet caiu": 3.0, "a net caiu": 3.0, "erro": 1.5, "deu erro": 2.5, "dá erro": 2.5,
        "mensagem de erro": 2.5, "bug": 2.0, "bugou": 2.5, "bugado": 2.5, "bugada": 2.5,
        "quebrado": 2.0, "quebrada": 2.0, "quebrou": 2.5, "chegou quebrado": 3.0,
        "chegou quebrada": 3.0, "veio quebrado": 3.0, "veio quebrada": 3.0,
        "estragad*": 2.0, "estragou": 2.5, "partido": 1.0, "ecrã partido": 3.0, "rachad*": 2.0,
        "danificad*": 2.5, "defeito": 2.5, "com defeito": 3.0, "defeituos*": 2.5,
        "avaria*": 2.5, "pifou": 2.5, "deu pau": 2.5, "falha*": 1.5, "com problema": 1.5,
        "não consigo entrar": 3.0, "não consigo acessar": 3.0, "não consigo aceder": 3.0,
        "não consigo fazer login": 3.0, "não consigo logar": 3.0,
        "não consigo iniciar sessão": 3.0, "não consigo pagar": 2.0,
        "conta bloqueada": 3.0, "não recebo o código": 2.5, "o código não chega": 2.5,
        "sem internet": 2.5, "sem net": 2.5, "sem rede": 2.5, "sem sinal": 2.5,
        "sem serviço": 2.5, "sem conexão": 2.5, "sem luz": 2.0, "internet lenta": 2.0,
        "desliga sozinho": 3.0, "desliga sozinha": 3.0, "reinicia sozinho": 3.0,
        "desliga": 1.5, "aquece muito": 2.0, "superaquec*": 2.0,
        "sobreaquec*": 2.0, "vaza": 1.5, "vazando": 2.0, "tela preta": 2.5,
        "ecrã preto": 2.5,
    },
    "order": {
        "pedido": 2.0, "pedidos": 1.5, "meu pedido": 2.5, "cadê meu pedido": 3.0,
        "onde está o meu pedido": 3.0, "onde está a minha encomenda": 3.0,
        "encomend*": 2.5, "compra": 1.5, "comprei": 1.0, "não chegou": 2.5,
        "ainda não chegou": 3.0, "nunca chegou": 3.0, "não recebi": 2.5,
        "nunca recebi": 3.0, "não foi entregue": 3.0, "entrega": 2.0, "entregas": 1.5,
        "entregue": 1.5, "envio": 2.0, "enviad*": 1.0, "rastreio": 2.5, "rastreamento": 2.5,
        "rastrear": 2.0, "código de rastreio": 3.0, "seguimento": 1.0,
        "transportadora": 2.0, "estafeta": 2.0, "reembols*": 2.5, "estorn*": 2.5,
        "dinheiro de volta": 2.5, "devolução": 2.5, "devolver": 1.5, "devolv*": 1.5,
        "troca": 1.0, "trocar": 1.0, "cancelar": 1.5, "cancelamento": 2.0, "cancelad*": 1.5,
        "cobrança": 2.0, "cobrança indevida": 3.0, "cobrado duas vezes": 3.0,
        "cobrada duas vezes": 3.0, "cobraram": 2.0, "cobrad*": 1.5, "debitad*": 2.0,
        "débito": 1.0, "fatura": 2.0, "factura": 2.0, "boleto": 1.5, "pagamento": 1.5,
        "paguei": 1.5, "reserva": 2.0, "bilhete": 1.5, "passagem": 1.5, "voo": 0.5,
        "bagagem": 2.5, "mala": 1.5, "extraviad*": 2.5, "produto errado": 3.0,
        "item errado": 3.0, "artigo errado": 3.0, "tamanho errado": 2.5, "veio errado": 2.5,
        "veio faltando": 2.5, "faltando": 1.5, "falta um": 1.5, "incomplet*": 1.5,
        "entregador": 2.0, "correios": 1.5, "ctt": 1.5,
        "assinatura": 1.0, "mensalidade": 1.0,
    },
    "complaint": {
        "péssim*": 2.5, "péssimo atendimento": 3.0, "mau atendimento": 3.0,
        "atendimento": 1.0, "atendente": 0.5, "horrível": 2.0, "horríveis": 2.0,
        "terrível": 2.0, "absurd*": 2.5, "vergonh*": 2.5, "ridícul*": 2.0,
        "lamentável": 2.5, "inaceitável": 2.5, "descaso": 2.5, "desrespeito": 2.5,
        "falta de respeito": 3.0, "mal educad*": 2.5, "mal-educad*": 2.5, "grosseir*": 2.5,
        "grossa": 1.5, "grosso": 1.5, "antipátic*": 2.5, "arrogante*": 2.0,
        "ninguém responde": 2.5, "ninguém atende": 2.5, "ninguém resolve": 2.5,
        "não respondem": 2.5, "não atendem": 2.5, "não resolvem": 2.5, "sem resposta": 2.0,
        "sem solução": 2.0, "esperando": 1.5, "horas esperando": 3.0, "à espera": 1.5,
        "horas à espera": 3.0, "espera": 1.0, "esperei": 2.0, "fila": 1.5, "demor*": 2.0,
        "atraso*": 2.0, "atrasad*": 1.5, "minutos": 0.5, "horas": 0.5, "caro": 1.5,
        "caríssim*": 2.0, "preço abusivo": 3.0, "aumento": 1.0, "golpe": 1.5,
        "enganad*": 2.0, "propaganda enganosa": 3.0, "reclamação": 2.5, "reclamar": 2.0,
        "reclamando": 2.0, "decepcionad*": 2.5, "decepção": 2.5, "decepcionante": 2.5,
        "insatisfeit*": 2.5, "indignad*": 2.5, "revoltad*": 2.5, "nunca mais": 2.5,
        "cansado de": 2.0, "cansada de": 2.0, "farto": 2.5, "farta": 2.5, "desisto": 2.0,
        "lixo": 2.0, "palhaçada": 2.5, "pior": 1.5,
        "desrespeitos*": 2.5, "descarad*": 2.5,
    },
    "praise": {
        "obrigad*": 2.0, "muito obrigado": 2.5, "muito obrigada": 2.5, "valeu": 2.0,
        "agradeço": 2.5, "agradecid*": 2.5, "excelente*": 2.0, "ótim*": 1.5,
        "maravilh*": 2.0, "amei": 2.5, "adorei": 2.5, "adoro": 2.0, "parabéns": 2.5,
        "perfeit*": 1.5, "atendimento excelente": 3.0, "ótimo atendimento": 3.0,
        "recomendo": 2.5, "super recomendo": 3.0, "nota 10": 2.5, "nota dez": 2.5,
        "muito bom": 2.0, "muito boa": 2.0, "eficiente": 1.5, "atencios*": 2.0,
        "prestativ*": 2.0, "simpátic*": 2.0, "gentil": 1.5, "gentileza": 1.5,
        "impecável": 2.5, "incrível": 1.5, "show de bola": 2.5, "5 estrelas": 2.0,
        "cinco estrelas": 2.0, "satisfeit*": 2.0, "rapidez": 1.5, "top": 1.0,
        "resolveram": 1.5, "de parabéns": 3.0,
    },
    "question": {
        "disponível": 1.0, "tem estoque": 2.0, "em estoque": 2.0, "quanto custa": 2.0,
        "quanto é": 1.0, "preço": 1.0, "compatível": 1.5, "horário": 1.5,
        "horário de funcionamento": 2.5, "dúvida*": 2.0, "uma pergunta": 2.5,
        "gostaria de saber": 2.5, "queria saber": 2.5, "alguém sabe": 1.5,
        "vocês entregam": 2.0, "entregam em": 1.5, "aceitam": 1.5, "informação": 1.0,
        "informações": 1.0, "vale a pena": 1.5, "qual o prazo": 1.5, "quanto tempo": 1.0,
        "funciona com": 1.5,
    },
    "other": {
        "sorteio": 2.5, "me segue": 2.0, "segue de volta": 2.5, "sigam": 2.0,
        "link na bio": 3.0, "ganhe dinheiro": 2.5, "renda extra": 2.5,
        "vaga de emprego": 2.5, "vagas": 1.0, "bom dia": 1.0, "boa tarde": 1.0,
        "boa noite": 1.0, "feliz natal": 2.0, "bom fim de semana": 2.0, "kkk*": 1.0,
        "rsrs*": 1.0, "haha*": 1.0, "desde já obrigado": 0.0, "desde já obrigada": 0.0,
        "obrigado desde já": 0.0, "promoção": 1.0,
    },
}
# fmt: on

# fmt: off
IT: Final = {
    "defect": {
        "hackerato": 2.0, "hackerata": 2.0,
        "non funziona": 2.5, "ha smesso di funzionare": 3.0, "non si accende": 3.0,
        "non carica": 2.0, "si blocca": 2.5, "bloccato": 1.5, "crash": 2.0,
        "errore": 1.5, "guasto": 2.5, "rotto": 2.0, "rotta": 2.0, "arrivato rotto": 3.0,
        "danneggiato": 2.5, "difettoso": 2.5, "non riesco ad accedere": 3.0,
        "non riesco a entrare": 3.0, "account bloccato": 3.0, "disservizio": 2.5,
        "senza linea": 2.5, "niente linea": 2.5, "senza internet": 2.5, "non va": 1.5,
        "bug": 2.0,
    },
    "order": {
        "ordine": 2.0, "il mio ordine": 2.5, "dov'è il mio ordine": 3.0, "pacco": 2.5,
        "spedizione": 2.0, "consegna": 2.0, "consegnato": 1.5, "non è arrivato": 2.5,
        "non è ancora arrivato": 3.0, "mai arrivato": 2.5, "non ho ricevuto": 2.5,
        "tracciamento": 2.5, "rimborso": 2.5, "reso": 2.0, "annullare": 1.5,
        "cancellazione": 2.0, "addebito": 2.0, "addebitato due volte": 3.0,
        "fattura": 2.0, "bolletta": 2.0, "prenotazione": 2.0, "bagaglio": 2.5,
        "valigia": 2.0, "articolo sbagliato": 3.0, "taglia sbagliata": 2.5,
        "corriere": 2.0,
    },
    "complaint": {
        "pessimo": 2.5, "pessimo servizio": 3.0, "vergogna": 2.5, "vergognoso": 2.5,
        "inaccettabile": 2.5, "scandaloso": 2.5, "nessuno risponde": 2.5,
        "nessuna risposta": 2.5, "attesa": 1.5, "ore di attesa": 3.0, "ritardo": 2.0,
        "troppo caro": 2.5, "truffa": 1.5, "reclamo": 2.5, "deluso": 2.5,
        "delusa": 2.5, "deludente": 2.5, "mai più": 2.5, "schifo": 2.5,
        "servizio clienti": 1.0, "maleducato": 2.5, "stufo": 2.5, "stufa": 2.5,
        "assurdo": 2.0,
    },
    "praise": {
        "grazie": 2.0, "grazie mille": 2.5, "ottimo": 2.0, "ottimo servizio": 3.0,
        "eccellente": 2.0, "fantastico": 2.0, "bravissimi": 2.5, "bravi": 2.0,
        "complimenti": 2.5, "perfetto": 1.5, "gentilissimi": 2.5, "gentili": 1.5,
        "adoro": 2.0,
    },
    "question": {
        "disponibile": 1.0, "quanto costa": 2.0, "prezzo": 1.0, "compatibile": 1.5,
        "orari": 1.5, "domanda": 1.5, "informazioni": 1.5,
    },
    "other": {
        "concorso": 2.0, "seguitemi": 2.5, "buongiorno a tutti": 1.0,
        "grazie in anticipo": 0.0,
    },
}
# fmt: on

# fmt: off
JA: Final = {
    "defect": {
        "乗っ取られ": 2.5,
        "動かない": 2.5, "動きません": 2.5, "使えない": 2.5, "使えません": 2.5,
        "繋がらない": 2.5, "つながらない": 2.5, "繋がりません": 2.5, "つながりません": 2.5,
        "ログインできない": 3.0, "ログインできません": 3.0, "起動しない": 3.0,
        "起動しません": 3.0, "落ちる": 2.0, "落ちます": 2.0, "エラー": 2.0,
        "不具合": 2.5, "バグ": 2.0, "故障": 2.5, "壊れ": 2.0, "破損": 2.5, "障害": 2.5,
        "フリーズ": 2.0, "圏外": 2.0, "通信できない": 2.5, "アクセスできない": 2.5,
        "表示されない": 2.0, "充電できない": 2.5,
    },
    "order": {
        "注文": 2.0, "注文した": 2.5, "届かない": 2.5, "届きません": 2.5,
        "届いていない": 2.5, "届いてない": 2.5, "まだ届": 2.5, "配送": 2.0, "配達": 2.0,
        "発送": 2.0, "荷物": 2.0, "追跡": 2.0, "返金": 2.5, "返品": 2.5,
        "キャンセル": 2.0, "請求": 2.0, "二重請求": 3.0, "引き落とし": 2.0, "予約": 2.0,
        "手荷物": 2.5, "スーツケース": 2.0, "違う商品": 3.0, "商品が違": 3.0,
        "間違った商品": 3.0, "交換": 1.5,
    },
    "complaint": {
        "最悪": 3.0, "ひどい": 2.0, "酷い": 2.0, "対応が悪い": 3.0, "不満": 2.5,
        "がっかり": 2.5, "残念": 1.5, "遅い": 1.5, "遅延": 2.0, "待たされ": 2.5,
        "電話が繋がらない": 3.0, "高すぎ": 2.5, "クレーム": 2.5, "失礼": 2.0,
        "二度と": 2.5, "ありえない": 2.5, "あり得ない": 2.5, "許せない": 2.5,
        "いい加減にして": 3.0,
    },
    "praise": {
        "ありがとう": 2.5, "ありがとうございます": 2.5, "感謝": 2.0, "助かりました": 2.5,
        "素晴らしい": 2.0, "最高": 2.0, "丁寧": 1.5, "親切": 1.5, "神対応": 3.0,
        "嬉しい": 1.5, "うれしい": 1.5, "良かった": 1.0,
    },
    "question": {
        "在庫": 1.5, "いくら": 1.5, "対応していますか": 2.0, "対応してますか": 2.0,
        "できますか": 1.5, "ありますか": 1.5, "質問": 1.5, "教えてください": 2.0,
        "発売日": 2.0, "営業時間": 2.0,
    },
    "other": {
        "フォローお願いします": 2.0, "プレゼントキャンペーン": 3.0, "キャンペーン": 1.0,
        "おはよう": 1.5,
    },
}
# fmt: on

# fmt: off
ZH: Final = {
    "defect": {
        "被盗": 2.5, "被盜": 2.5, "被黑": 2.5,
        "不能用": 2.5, "用不了": 2.5, "无法使用": 2.5, "無法使用": 2.5, "坏了": 2.5,
        "壞了": 2.5, "故障": 2.5, "闪退": 3.0, "閃退": 3.0, "崩溃": 2.5, "崩潰": 2.5,
        "打不开": 2.5, "打不開": 2.5, "登录不了": 3.0, "登不上": 3.0, "無法登入": 3.0,
        "无法登录": 3.0, "登入不了": 3.0, "没信号": 2.5, "沒訊號": 2.5, "没有信号": 2.5,
        "断网": 2.5, "斷網": 2.5, "卡住": 1.5, "报错": 2.5, "報錯": 2.5, "错误": 1.5,
        "錯誤": 1.5, "破损": 2.5, "破損": 2.5, "损坏": 2.5, "損壞": 2.5, "宕机": 3.0,
        "當機": 3.0, "死机": 3.0, "連不上": 2.5, "连不上": 2.5,
    },
    "order": {
        "订单": 2.0, "訂單": 2.0, "快递": 2.0, "快遞": 2.0, "物流": 2.0, "发货": 2.0,
        "發貨": 2.0, "到货": 1.5, "还没到": 2.5, "還沒到": 2.5, "没收到": 2.5,
        "沒收到": 2.5, "收不到": 2.0, "退款": 2.5, "退货": 2.5, "退貨": 2.5, "取消": 1.5,
        "扣款": 2.0, "扣了两次": 3.0, "重复扣费": 3.0, "重複扣款": 3.0, "账单": 2.0,
        "帳單": 2.0, "发票": 1.5, "發票": 1.5, "预订": 2.0, "預訂": 2.0, "行李": 2.5,
        "发错": 3.0, "發錯": 3.0, "包裹": 2.0, "配送": 2.0, "送货": 2.0, "送貨": 2.0,
    },
    "complaint": {
        "太差": 2.5, "差劲": 2.5, "差勁": 2.5, "垃圾": 2.0, "失望": 2.5, "投诉": 2.5,
        "投訴": 2.5, "客服": 0.5, "没人理": 2.5, "沒人理": 2.5, "没人回复": 2.5,
        "沒人回覆": 2.5, "等了": 1.5, "太慢": 2.0, "延误": 2.0, "延誤": 2.0,
        "太贵": 2.5, "太貴": 2.5, "态度差": 3.0, "態度差": 3.0, "态度很差": 3.0,
        "服务差": 3.0, "服務差": 3.0, "无语": 2.0, "無語": 2.0, "气死": 2.5,
        "氣死": 2.5, "再也不": 2.5, "不满意": 2.5, "不滿意": 2.5, "不好": 1.5,
        "不太好": 1.5,
    },
    "praise": {
        "谢谢": 2.5, "謝謝": 2.5, "感谢": 2.5, "感謝": 2.5, "多谢": 2.5, "多謝": 2.5,
        "很好": 1.5, "太棒": 2.0, "棒": 1.0, "赞": 1.5, "讚": 1.5, "满意": 2.0,
        "滿意": 2.0, "好评": 2.5, "好評": 2.5, "给力": 2.0, "給力": 2.0, "贴心": 2.0,
        "貼心": 2.0,
    },
    "question": {
        "有货吗": 2.5, "有貨嗎": 2.5, "多少钱": 2.0, "多少錢": 2.0, "价格": 1.0,
        "價格": 1.0, "请问": 2.0, "請問": 2.0, "咨询": 1.5, "諮詢": 1.5,
        "营业时间": 2.0, "營業時間": 2.0,
    },
    "other": {
        "抽奖": 2.5, "抽獎": 2.5, "早上好": 1.5, "哈哈": 1.0,
    },
}
# fmt: on

# fmt: off
FI: Final = {
    "defect": {
        "hakkeroi*": 2.5, "tili kaapattiin": 3.0, "kaapattu": 2.0,
        "ei toimi*": 2.5, "eivät toimi": 2.5, "ei enää toimi": 3.0, "ei toimi enää": 3.0,
        "lakannut toimimasta": 3.0, "lakkasi toimimasta": 3.0, "toimii huonosti": 2.0,
        "toimimaton": 2.5, "ei käynnisty*": 3.0, "ei käynnisty enää": 3.0,
        "ei lataudu": 2.5, "ei lataa": 2.0, "ei aukea": 2.5, "ei aukene": 2.5,
        "ei avaudu": 2.5, "ei yhdisty": 2.5, "ei yhdistä": 2.0, "ei onnistu": 1.5,
        "kaatu*": 2.5, "jumi*": 2.0, "jumitt*": 2.0, "jumiut*": 2.0, "takkua*": 2.0,
        "pätki*": 2.0, "katkei*": 2.0, "katko*": 2.0, "yhteys katkeaa": 2.5,
        "häiriö*": 2.5, "vika*": 2.0, "viall*": 2.5, "virhe*": 1.5, "virheilmoitus": 2.5,
        "ongelm*": 1.0, "rikki": 2.5, "rikkinäi*": 2.5, "meni rikki": 3.0, "tuli rikki": 3.0,
        "hajo*": 2.5, "halkea*": 2.0, "vaurio*": 2.0,
        "käyttökelvo*": 2.5, "en pääse kirjautumaan": 3.0, "ei pääse kirjautumaan": 3.0,
        "kirjautuminen ei onnistu": 3.0, "en pääse sisään": 3.0, "en pääse tilille": 3.0,
        "en pääse": 1.5, "tili lukittu*": 3.0, "lukittui": 2.0, "lukossa": 1.5,
        "kirjaa ulos": 2.0, "heittää ulos": 2.5, "ei yhteyttä": 2.5, "ei verkkoa": 2.5,
        "ei kenttää": 2.5, "ei nettiä": 2.5, "netti ei": 2.0, "katkos": 2.5, "bugi*": 2.0,
        "ylikuume*": 2.0, "kuumenee": 1.5, "sammu*": 2.0,
        "musta näyttö": 2.5, "virheellinen": 1.5,
    },
    "order": {
        "tilau*": 2.0, "tilasin": 2.0, "tilaam*": 1.5, "paket*": 2.0, "lähety*": 2.0,
        "toimitu*": 2.0, "ei ole saapunut": 2.5, "ei ole vielä saapunut": 3.0,
        "ei saapunut": 2.5, "ei ole tullut": 2.5, "ei ole vieläkään tullut": 3.0,
        "ei tullut": 1.5, "en ole saanut": 2.5, "en saanut": 2.0, "seuranta*": 2.0,
        "nouto*": 1.5, "posti": 1.0, "kuriiri*": 2.0, "palautu*": 2.5, "palautus": 2.5,
        "palauttaa": 2.0, "palautin": 2.0, "hyvity*": 2.5, "rahat takaisin": 2.5,
        "rahoja takaisin": 2.5, "peruutus": 2.0, "peruutu*": 2.0, "peruuttaa": 1.5,
        "peruttu": 2.0, "perua": 1.5, "peruin": 2.0, "irtisano*": 2.0, "lasku*": 2.0,
        "veloitettiin kahdesti": 3.0, "veloit*": 2.0, "maksu*": 1.5, "kahdesti": 1.0,
        "varau*": 2.0, "lippu*": 1.5, "matkalip*": 2.0, "matkatavara*": 2.5,
        "matkalauk*": 2.5, "laukku*": 1.5, "väärä tuote": 3.0, "väärän tuotteen": 3.0,
        "väärä koko": 2.5, "tuli väärä": 2.5, "puuttu*": 2.0, "ostos*": 1.5, "ostin": 1.0,
        "reklamaatio*": 1.5,
    },
    "complaint": {
        "surke*": 2.5, "huono palvelu": 3.0, "huonoa palvelua": 3.0,
        "huono asiakaspalvelu": 3.0, "huono*": 1.5, "kamala*": 2.0, "kauhea*": 2.0,
        "hirveä*": 2.0, "järkyttäv*": 2.5, "petty*": 2.5, "petyin": 2.5, "pettymys": 2.5,
        "kukaan ei vastaa": 2.5, "ei vastaa": 1.5, "ei vastausta": 2.0, "kukaan ei": 1.5,
        "jonott*": 2.5, "jono*": 1.5, "odottanut": 2.0, "odotin": 2.0, "odotusaika": 2.0,
        "odott*": 1.0, "tuntia": 0.5, "tunnin": 0.5, "myöhäs*": 2.0, "myöhästy*": 2.0,
        "viivästy*": 2.0, "viive*": 2.0, "liian kallis": 2.5, "kallis": 1.0,
        "hinnankorotu*": 2.0, "valitu*": 2.5, "valitan": 2.5, "ei enää ikinä": 2.5,
        "ikinä enää": 2.0, "törke*": 2.5, "epäkohtelia*": 2.5, "epäystävällis*": 2.5,
        "tyly*": 2.5, "töykeä*": 2.5, "ylimielis*": 2.5, "henkilökunta": 0.5,
        "asiakaspalvelu*": 0.5, "häpeä*": 2.5, "naurettav*": 2.5, "ala-arvoi*": 2.5,
        "käsittämätön*": 2.0, "ärsyttä*": 2.0, "turhautu*": 2.0, "kyllästy*": 2.5,
        "vituttaa": 2.5, "paskaa": 2.0, "surullista": 1.5,
        "tyytymätön": 2.5, "ei kiinnosta": 1.5,
    },
    "praise": {
        "kiitos*": 2.0, "paljon kiitoksia": 2.5, "kiitokset": 2.5, "kiitti": 2.0,
        "kiitän": 2.5, "loista*": 2.0, "erinomai*": 2.0, "mahtava*": 2.0, "upea*": 2.0,
        "ihana*": 1.5, "ystävälli*": 1.5, "hyvä palvelu": 3.0, "hyvää palvelua": 3.0,
        "toimii hyvin": 2.0, "toimii tosi hyvin": 2.5, "nopea*": 1.5, "nopeasti": 1.0,
        "suosittelen": 2.5, "huippu*": 2.0, "tyytyväi*": 2.0, "kiva*": 1.0, "hieno*": 1.5,
        "avulia*": 2.0, "ammattitai*": 1.5, "kehu*": 2.0, "plussaa": 2.0, "täydellinen": 1.5,
        "hyvin hoidettu": 2.5,
    },
    "question": {
        "saatavilla": 1.5, "varastossa": 2.0, "paljonko maksaa": 2.5, "paljonko": 1.5,
        "mitä maksaa": 2.0, "hinta": 1.0, "yhteensopiva": 1.5, "aukioloaj*": 2.0,
        "kysymys": 1.5, "kysyisin": 2.5, "haluaisin tietää": 2.5, "onko mahdollista": 2.0,
        "kauanko kestää": 1.5, "toimitatteko": 2.5, "toimitetaanko": 2.0, "myyttekö": 2.5,
        "löytyykö": 2.0, "tukeeko": 2.0, "sopiiko": 1.5, "kannattaako": 1.5,
        "mistä saa": 1.5,
    },
    "other": {
        "arvonta": 2.5, "huomenta": 1.0, "hyvää huomenta": 1.5, "hyvää viikonloppua": 2.0,
        "hyvää juhannusta": 2.5, "hyvää joulua": 2.5, "seuraa minua": 2.0,
        "seuraa takaisin": 2.5, "tienaa": 2.0, "kilpailu": 1.5, "rekry*": 2.0,
        "haha*": 1.0,
    },
}
# fmt: on

# fmt: off
EL: Final = {
    "defect": {
        "χακαρ*": 2.0, "παραβιάστηκε": 2.5,
        "δεν λειτουργ*": 2.5, "δε λειτουργ*": 2.5, "σταμάτησε να λειτουργεί": 3.0,
        "σταμάτησε να δουλεύει": 3.0, "δεν δουλεύ*": 2.5, "δε δουλεύ*": 2.5,
        "δεν ανοίγ*": 2.5, "δεν ανάβ*": 3.0, "δεν ενεργοποιείται": 2.5,
        "δεν φορτών*": 2.5, "δεν φορτίζ*": 2.5, "δεν συνδέ*": 2.5,
        "δεν μπορώ να συνδεθώ": 3.0, "δεν μπορώ να μπω": 3.0, "δεν μπαίνει": 2.0,
        "κλειδώθηκε": 2.5, "κλειδωμέν*": 2.0, "κολλά*": 2.0, "κόλλησ*": 2.0,
        "κρασάρ*": 2.5, "πέφτει": 1.5, "έπεσε": 1.5, "πεσμέν*": 2.0, "χάλασ*": 2.5,
        "χαλάει": 2.0, "βλάβ*": 2.5, "σφάλμα*": 1.5, "μήνυμα σφάλματος": 2.5,
        "πρόβλημα*": 1.0, "σπασμέν*": 2.0, "ραγισμέν*": 2.0, "ελαττωματικ*": 2.5,
        "κατεστραμμέν*": 2.5, "κατεστράφη": 2.0, "δεν έχει σήμα": 2.5, "δεν έχω σήμα": 2.5,
        "χωρίς σήμα": 2.5, "χωρίς ίντερνετ": 2.5, "δεν έχω ίντερνετ": 2.5,
        "δεν έχουμε ίντερνετ": 2.5, "δεν έχω ρεύμα": 2.5, "χωρίς ρεύμα": 2.5,
        "διακοπή*": 2.0, "αργό ίντερνετ": 2.0, "δεν δείχνει": 1.5, "δεν εμφανίζ*": 2.0,
        "υπερθερμαίν*": 2.0, "ζεσταίνεται": 1.5, "σβήνει": 2.0, "έσβησε": 2.0,
        "επανεκκίνησ*": 1.5, "εκτός λειτουργίας": 3.0,
    },
    "order": {
        "παραγγελ*": 2.0, "παρήγγειλ*": 2.5, "δέμα": 2.0, "δέματ*": 2.0,
        "αποστολ*": 2.0, "παράδοσ*": 2.0, "παραδόθηκε": 2.0, "δεν παραδόθηκε": 2.5,
        "δεν έχει παραδοθεί": 3.0, "δεν έχει έρθει": 2.5, "δεν ήρθε": 2.5,
        "δεν έφτασε": 2.5, "δεν έχει φτάσει": 2.5, "δεν έχω παραλάβει": 3.0,
        "δεν παρέλαβα": 2.5, "επιστροφή χρημάτων": 3.0, "επιστροφ*": 1.5,
        "επιστρέψ*": 1.5, "αποζημίωσ*": 2.0, "ακύρωσ*": 2.0, "ακυρώ*": 2.0,
        "χρέωσ*": 2.0, "χρεώθηκ*": 2.5, "διπλή χρέωση": 3.0, "διπλοχρέωσ*": 3.0,
        "τιμολόγι*": 2.0, "απόδειξη": 1.5, "κράτησ*": 2.0, "εισιτήρι*": 1.5, "πτήση": 0.5,
        "αποσκευ*": 2.5, "βαλίτσ*": 2.5, "λάθος προϊόν": 3.0, "λάθος μέγεθος": 2.5,
        "λάθος": 0.5, "λείπει": 2.0, "έλειπε": 2.0, "λείπουν": 2.0, "κούριερ": 2.0,
        "ιχνηλάτησ*": 2.5, "αριθμός αποστολής": 2.5, "ελτα": 1.5, "αγόρασα": 1.5,
        "πληρωμ*": 1.5, "πλήρωσα": 1.5, "κλείσιμο λογαριασμού": 2.0,
        "συνδρομ*": 1.0,
    },
    "complaint": {
        "απαράδεκτ*": 2.5, "άθλι*": 2.5, "χάλια": 2.0, "ντροπή": 2.5, "αίσχος": 3.0,
        "αισχρ*": 2.5, "κανείς δεν απαντά": 2.5, "κανένας δεν απαντά": 2.5,
        "δεν απαντάτε": 2.5, "δεν απαντάει": 2.0, "δεν σηκώνει": 2.0,
        "κανείς δεν σηκώνει": 2.5, "καμία απάντηση": 2.5, "καμία ενημέρωση": 2.5,
        "αναμονή": 1.5, "σε αναμονή": 2.0, "ώρες αναμονή": 3.0, "ώρες στην αναμονή": 3.0,
        "περιμέν*": 1.5, "περίμενα": 2.0, "καθυστέρησ*": 2.0, "καθυστερ*": 2.0,
        "αργοπορ*": 2.0, "ακριβό": 1.5, "ακριβά": 1.5, "πανάκριβ*": 2.0, "πολύ ακριβό": 2.5,
        "απογοητ*": 2.5, "παράπον*": 2.5, "καταγγελ*": 2.5, "κοροϊδ*": 2.5,
        "αγεν*": 2.5, "απότομ*": 2.0, "θρασ*": 2.0, "αναξιόπιστ*": 2.5, "ανίκαν*": 2.5,
        "ποτέ ξανά": 2.5, "τελευταία φορά": 2.0, "εξοργιστικ*": 2.5, "τραγικ*": 2.0,
        "κακή εξυπηρέτηση": 3.0, "κάκιστ*": 2.5, "χειρότερ*": 2.5, "εξυπηρέτηση": 0.5,
        "βαρέθηκα": 2.5, "μπούχτισα": 2.5, "ταλαιπωρ*": 2.5, "εμπαιγμ*": 2.5,
        "κλέφτ*": 2.0, "ληστεία": 2.0, "θυμωμέν*": 2.0, "εκνευρισ*": 2.0,
    },
    "praise": {
        "ευχαριστ*": 2.0, "ευχαριστώ πολύ": 2.5, "να 'στε καλά": 2.0, "να είστε καλά": 2.0,
        "τέλεια": 1.5, "τέλειο": 1.5, "τέλειος": 1.5, "τέλειοι": 1.5,
        "εξαιρετικ*": 2.0, "υπέροχ*": 2.0, "μπράβο": 2.5, "άψογ*": 2.5,
        "συγχαρητήρια": 2.5, "φανταστικ*": 2.0, "καταπληκτικ*": 2.0, "πολύ καλή": 1.5,
        "πολύ καλό": 1.5, "καλή εξυπηρέτηση": 2.5, "άμεση εξυπηρέτηση": 2.5,
        "ευγενικ*": 2.0, "εξυπηρετικ*": 2.0, "συνιστώ": 2.0, "το συνιστώ": 2.5,
        "ικανοποιημέν*": 2.0, "λατρεύ*": 2.0, "σας αγαπώ": 2.0, "γρήγορ*": 1.0,
    },
    "question": {
        "διαθέσιμ*": 1.0, "διαθεσιμότητα": 1.5, "πόσο κοστίζει": 2.0, "πόσο κάνει": 2.0,
        "τιμή": 1.0, "συμβατ*": 1.5, "ωράριο": 1.5, "ερώτηση": 1.5, "απορία": 2.0,
        "θα ήθελα να ρωτήσω": 3.0, "ήθελα να ρωτήσω": 3.0, "να ρωτήσω": 2.0,
        "θα ήθελα να μάθω": 2.5, "ξέρει κανείς": 1.5, "γίνεται να": 1.5,
        "στέλνετε": 2.0, "υπάρχει περίπτωση": 2.0, "ισχύει": 1.0,
    },
    "other": {
        "διαγωνισμ*": 2.5, "καλημέρα": 1.0, "καλησπέρα": 1.0, "καλό σαββατοκύριακο": 2.0,
        "χρόνια πολλά": 2.5, "καλές γιορτές": 2.5, "καλό καλοκαίρι": 2.0, "χαχα*": 1.0,
        "ακολουθήστε με": 2.5, "ζητείται": 2.0, "θέση εργασίας": 2.5,
    },
}
# fmt: on

# fmt: off
# fmt: off
# emoji mean the same in every language: never down-weighted as foreign
EMOJI: Final = {
    "praise": {
        "❤": 1.5, "🙏": 1.0, "👍": 1.0, "😍": 1.5, "🥰": 1.5, "💯": 1.0, "🙌": 1.5, "👏": 1.5,
    },
    "complaint": {"👎": 1.5, "😡": 1.5, "🤬": 2.0, "😤": 1.0},
}
# fmt: on

INTENT_LEXICON: Final[Lexicon] = {
    "*": EMOJI,
    "en": EN,
    "es": ES,
    "de": DE,
    "fr": FR,
    "pt": PT,
    "it": IT,
    "ja": JA,
    "zh": ZH,
    "fi": FI,
    "el": EL,
}
# fmt: on

# Interrogative phrasing. Applied only for the post's own language (these are short
# function words: Italian "come" is English "come") and only when no failure is
# reported; a literal "?" is handled by the intent model itself.
# fmt: off
QUESTION_CUES: Final[CueLexicon] = {
    "en": {
        "how do i": 1.0, "how can i": 1.0, "how to": 1.0, "can i": 1.0, "could i": 1.0,
        "do you": 1.0, "does it": 1.0, "is there": 1.0, "are there": 1.0,
        "is it possible": 1.5, "will it": 1.0, "what is": 0.5, "what's": 0.5,
        "which": 0.5, "when does": 1.0, "when do": 1.0, "where can i": 1.0,
        "anyone know": 1.0,
    },
    "es": {
        "cómo": 1.0, "cómo puedo": 1.5, "se puede": 1.0, "hay": 0.5, "tienen": 0.5,
        "cuándo": 0.5, "dónde": 0.5, "cuál": 0.5, "es posible": 1.5,
    },
    "de": {
        "wie kann ich": 1.5, "wie": 0.5, "kann ich": 1.0, "gibt es": 1.0,
        "habt ihr": 1.0, "haben sie": 1.0, "wann": 0.5, "wo kann ich": 1.0,
        "welche": 0.5, "ist es möglich": 1.5,
    },
    "fr": {
        "comment": 1.0, "est-ce que": 1.0, "est ce que": 1.0, "puis-je": 1.0,
        "peut-on": 1.0, "avez-vous": 1.0, "y a-t-il": 1.0, "quand": 0.5, "quel": 0.5,
        "quelle": 0.5, "est-il possible": 1.5,
    },
    "pt": {
        "como": 1.0, "como faço": 1.5, "vocês têm": 1.0, "tem como": 1.5,
        "quando": 0.5, "onde": 0.5, "qual": 0.5, "é possível": 1.5,
    },
    "it": {
        "come": 1.0, "come posso": 1.5, "avete": 1.0, "quando": 0.5, "dove": 0.5,
        "quale": 0.5, "è possibile": 1.5,
    },
    "ja": {
        "ですか": 1.0, "ますか": 1.0, "でしょうか": 1.5, "どうやって": 1.5,
        "どうすれば": 1.5, "どこで": 0.5, "いつ": 0.5, "方法": 1.0,
    },
    "zh": {
        "吗": 1.0, "嗎": 1.0, "怎么": 1.0, "怎麼": 1.0, "如何": 1.0, "哪里": 0.5,
        "哪裡": 0.5, "什么时候": 0.5, "什麼時候": 0.5, "能不能": 1.0, "是否": 1.0,
    },
    "fi": {
        "miten": 1.0, "miten voin": 1.5, "voinko": 1.5, "onko": 1.0, "kuinka": 1.0,
        "milloin": 0.5, "saako": 1.0, "voiko": 1.5, "onko teillä": 1.5,
    },
    "el": {
        "πώς": 1.0, "πώς μπορώ": 1.5, "μπορώ να": 1.0, "υπάρχει": 1.0, "πότε": 0.5,
        "έχετε": 1.0,
    },
}
# fmt: on

# Cues that turn praise words into complaint ("great, another 3 hours on hold 🙃").
# Key "*" holds language-independent cues (emoji).
# fmt: off
SARCASM_CUES: Final[CueLexicon] = {
    "*": {"🙃": 1.5, "🙄": 1.5, "😒": 1.0, "🤡": 1.0},
    "en": {
        "thanks for nothing": 2.0, "just great": 1.5, "great, another": 2.0,
        "oh great": 1.5, "yeah right": 1.5, "love waiting": 2.0,
        "love being on hold": 2.0, "so glad i": 1.0, "wonderful, another": 2.0,
        "thanks a lot": 0.5,
    },
    "es": {"gracias por nada": 2.0, "genial, otra": 2.0, "genial, otro": 2.0},
    "de": {"danke für nichts": 2.0, "na toll": 2.0, "super, schon wieder": 2.0},
    "fr": {"merci pour rien": 2.0, "génial, encore": 2.0, "super, encore": 2.0},
    "pt": {"obrigado por nada": 2.0, "que ótimo": 1.0, "maravilha, mais": 2.0},
    "it": {"grazie per niente": 2.0, "grazie di niente": 2.0},
    "zh": {"呵呵": 1.5},
    "el": {"ευχαριστώ για το τίποτα": 2.0},
}
# fmt: on

# Negation of intent phrases: a negator followed by at most a few filler words
# (copulas, auxiliaries, articles, degree adverbs) before a defect, complaint or
# praise phrase ("not broken", "is not at all broken", "ei ole rikki", "δεν είναι
# χαλασμένο", "não está avariado", "no problems"). Phrases that contain their own
# negation ("doesn't work", "ei toimi") are whole lexicon entries and unaffected.
# English words apply to every language (code-switching). Space-separated, folded
# on load. Chinese and Japanese negate inside the verb and are covered by phrases.
# fmt: off
NEGATORS: Final[Mapping[str, str]] = {
    "en": "not no never isn't wasn't aren't weren't don't doesn't didn't haven't hasn't "
          "hadn't without hardly nothing zero",
    "es": "no nunca sin ni tampoco jamás ningún ninguna",
    "de": "nicht kein keine keinen keiner keinem nie niemals ohne",
    "fr": "pas jamais sans aucun aucune ni",
    "pt": "não nao nunca sem nem jamais nenhum nenhuma",
    "it": "non mai senza nessun nessuna né",
    "fi": "ei en et emme ette eivät eikä enkä etkä ilman",
    "el": "δεν δε μη μην ούτε χωρίς ποτέ κανένα κανένας καμία",
}
NEGATION_FILLERS: Final[Mapping[str, str]] = {
    "en": "is was are were be been being even really actually at all any a an the too "
          "very so that had have has got getting yet anymore one single",
    "es": "está esta es era estaba fue ha han había sido estado muy tan tanto nada un una "
          "el la ya llegó vino tuve tengo hay ningún",
    "de": "ist war sind waren wurde gar überhaupt mehr so sehr wirklich ein eine einen "
          "besonders",
    "fr": "du de d' tout très vraiment si été un une était est",
    "pt": "está esta tá ta estava é e foi era ficou veio chegou tem teve tive houve mais "
          "muito tão nada um uma o a os as mesmo nenhum nenhuma",
    "it": "è e era sono stato stata affatto più molto per niente un una",
    "fi": "ole ollut olleet ollutkaan oo oli ollu enää edes yhtään mitään kovin ihan "
          "tullut mennyt mitenkään lainkaan",
    "el": "είναι ήταν είχε έχει έχουν ήρθε καθόλου πια ακόμα πολύ τόσο το η ο τα ένα μια "
          "κανένα καμία ποτέ",
}
# fmt: on
