"""Multilingual vocabulary for the PII detectors.

``LABELS[kind]`` lists phrases that announce a value ("order", "Bestellnummer",
"注文番号", "ending in", "my password"), in :mod:`.matcher` syntax: accents and
case are ignored. A detector finds the labels in one pass and then reads the
value right after each one with an anchored regex. Generic words that may sit
between a label and its value ("number", "no.", "is", "#", ":") are covered by
:data:`CONNECTOR`, so labels list only the distinctive part.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

# fmt: off
LABELS: Final[Mapping[str, tuple[str, ...]]] = {
    "account": (
        "account", "acct", "customer number", "customer id", "customer reference",
        "member number", "membership number", "membership id",
        "número de cuenta", "cuenta", "número de cliente", "número de socio",
        "kontonummer", "kundennummer", "mitgliedsnummer", "vertragsnummer", "konto",
        "numéro de compte", "compte", "numéro client", "número da conta", "conta",
        "numero di conto", "numero cliente", "codice cliente", "conto",
        "口座番号", "会員番号", "お客様番号", "契約番号",
        "账号", "帳號", "账户", "帳戶", "会员号", "會員號", "客户号", "客戶號",
        "tilinumero", "asiakasnumero", "jäsennumero", "tilinumeroni", "asiakasnumeroni",
        "αριθμός λογαριασμού", "αριθμός πελάτη",
        # customer numbers named by the person alone: "n° client 123", "cliente nº 0177"
        "n° client", "nº client", "no client", "n° de client", "client n°", "client nº",
        "cliente nº", "cliente n°", "cliente no", "nº cliente", "n° cliente", "nº de cliente",
        "kunden-nr", "kundennr", "kd-nr",
        "customer no", "customer #", "asiakasnro", "αρ. πελάτη", "顧客番号", "客户编号",
        "客戶編號", "会员编号", "會員編號", "kundenkonto", "kundenkontonummer",
        # the labels match leftmost-longest, so "mi número" (a phone label) would swallow the
        # start of "mi número de cliente": the possessive forms are labels of their own
        "mi número de cliente", "mi número de socio", "mi número de cuenta",
        "meu número de cliente", "meu número de sócio", "meu número da conta",
        "mon numéro client", "mon numéro de client", "mon numéro de membre",
        "il mio numero cliente", "il mio numero di cliente", "my number as a customer",
        # loyalty and frequent-flyer programmes: "AAdvantage # 7HG4512"
        "frequent flyer", "frequent flyer number", "frequent flier", "ff number", "ff#",
        "loyalty number", "loyalty card", "loyalty account", "rewards number",
        "rewards account", "aadvantage", "mileageplus", "skymiles", "trueblue",
        "rapid rewards", "flying blue", "miles & more", "miles and more", "miles&more",
        "executive club", "avios", "finnair plus", "bahncard", "bahncard-nummer",
        "vielfliegernummer", "payback", "número de viajero frecuente", "número de fidelización",
        "numéro de fidélité", "carte de fidélité", "número de fidelidade",
        "マイレージ番号", "会员卡号", "會員卡號", "常旅客号", "常旅客號",
    ),
    # "card ending in 4417": the label precedes the last four digits of a card/account
    "ending": (
        "ending", "ending in", "ending with", "ends in", "ends with", "last 4 digits",
        "last four digits", "last 4", "terminada en", "terminado en", "termina en",
        "acabada en", "acabado en", "que termina en", "endet auf", "endet mit",
        "endend auf", "endend mit", "mit endung", "mit der endung", "se terminant par",
        "finissant par", "qui se termine par", "terminado em", "terminada em",
        "termina em", "com final", "che termina con", "che termina in", "che termina per",
        "terminante con", "末尾", "下4桁", "下四桁", "尾号", "尾號", "后四位", "後四位",
        "päättyy", "loppuu", "που λήγει σε", "λήγει σε", "号尾", "號尾", "卡尾号", "卡尾號",
        "末尾が", "下4ケタ", "termina com", "com final", "päättyvä", "päättyvälle",
        "με κατάληξη", "που τελειώνει σε",
        # partial card numbers written as "last digits" nouns
        "last digits", "last four", "últimos 4 dígitos", "últimos cuatro dígitos",
        "últimos 4", "letzte vier ziffern", "letzten 4 ziffern", "letzten vier ziffern",
        "derniers chiffres", "4 derniers chiffres", "quatre derniers chiffres",
        "últimos dígitos", "cartão final", "cartão com final", "cartao final", "final do cartão",
        "loppunumerot", "loppunumero", "loppunumeroltaan", "viimeiset numerot", "jonka loppu",
        "τελευταία 4 ψηφία", "τελευταία τέσσερα ψηφία",
        # endings named as a noun or with a plain verb: "Endung 1650", "con terminación
        # 4679", "loppuosa 9140", "qui finit en 7367", "με τελευταία ψηφία 1894"
        "endung", "endziffern", "endziffer", "endnummer", "mit den endziffern",
        "mit der endziffer", "letzte ziffern", "letzten ziffern", "terminación",
        "con terminación", "terminación en", "últimos dígitos",
        "finit en", "finit par", "qui finit en", "qui finit par", "se termine par",
        "se terminant en", "terminant par", "termine par", "terminaison", "derniers chiffres",
        "terminação", "com terminação", "loppuosa",
        "loppuosaltaan", "loppuu numeroihin", "päättyy numeroihin", "τελευταία ψηφία",
        "με τελευταία ψηφία", "τα τελευταία ψηφία", "καταλήγει σε", "που καταλήγει σε",
        "ends with the digits", "ending digits", "last digits are", "tail number",
        "下四位", "末四位", "末尾番号", "下桁", "尾数", "尾數", "末四码", "末四碼",
        "末4码", "末4碼", "后4位", "後4位", "尾号是", "下4けた", "末尾4桁",
    ),
    "order": (
        "order", "booking", "reservation", "confirmation", "tracking", "case", "ticket",
        "reference", "ref", "parcel", "shipment", "consignment", "waybill", "invoice",
        "rma",
        "pedido", "orden", "reserva", "seguimiento", "envío", "caso", "factura", "paquete",
        "pacote",
        "localizador",
        "bestellung", "bestellnummer", "bestell-nr", "auftragsnummer", "auftrag",
        "buchung", "buchungsnummer", "sendungsnummer", "sendungsverfolgungsnummer",
        "trackingnummer", "fallnummer", "ticketnummer", "vorgangsnummer",
        "referenznummer", "rechnungsnummer",
        "commande", "réservation", "suivi", "dossier", "colis", "facture", "référence",
        "encomenda", "protocolo", "rastreio", "rastreamento", "código de rastreio",
        "código de rastreamento",
        "ordine", "prenotazione", "spedizione", "pratica", "codice di tracciamento",
        "注文番号", "注文", "予約番号", "追跡番号", "お問い合わせ番号", "問い合わせ番号",
        "伝票番号", "受付番号",
        "订单号", "订单编号", "订单", "訂單號", "訂單編號", "訂單", "快递单号", "快遞單號",
        "运单号", "運單號", "单号", "單號", "预订号", "預訂號", "工单号", "工單號",
        "tilausnumero", "tilaus", "tilaukseni", "tilauksen", "tilauksen numero",
        "seurantakoodi", "seurantanumero", "varausnumero", "varaus",
        "αριθμός παραγγελίας", "παραγγελία", "παραγγελίας", "κράτηση", "κράτησης",
        "reservation number", "booking number", "tracking number", "tracking code",
        "order number", "número de pedido", "número de seguimiento", "código de seguimiento",
        "nº de pedido", "sendungsverfolgung", "vorgang", "paket", "sendung", "lieferung",
        "réf", "numéro de suivi", "numéro de commande", "numéro de dossier", "expédition",
        "número do pedido", "pedido nº", "código de rastreio", "objeto", "envio",
        "お届け番号", "予約", "配送", "荷物", "物流", "快递", "快遞", "包裹", "运单", "運單",
        "追踪号", "追蹤號", "订票", "訂票", "查询号", "查詢號",
        "seuranta", "seurantatunnus", "lähetys", "lähetystunnus", "paketti", "paketin",
        "varaukseni", "varauksen", "varaustunnus",
        "αποστολή", "αποστολής", "δέμα", "δέματος", "αριθμός αποστολής", "αριθμός κράτησης",
        "κωδικός κράτησης", "κωδικός αποστολής", "παραγγελία μου",
        # claim, complaint and case files: "Aktenzeichen", "expediente", "tapausnumero"
        "case number", "case id", "claim", "claim number", "complaint number", "file reference",
        "incident", "incident number", "pir",
        # checked bags: "bag tag BA123456"
        "bag tag", "baggage tag", "luggage tag", "tag number", "bag tag number",
        "gepäckschein", "gepäckabschnitt", "etiqueta de equipaje", "étiquette bagage",
        "expediente", "número de expediente", "incidencia", "número de incidencia",
        "reclamación", "número de reclamación", "parte",
        "aktenzeichen", "schadensnummer", "schadennummer", "reklamationsnummer",
        "kundenvorgang", "meldung",
        "numéro de ticket", "réclamation", "numéro de réclamation", "numéro de sinistre",
        "sinistre", "numéro d'incident",
        "chamado", "número do chamado", "ocorrência", "número da ocorrência", "reclamação",
        "número do protocolo", "sinistro",
        "tapausnumero", "tapaus", "tapauksen", "tikettinumero", "tiketti", "palvelupyyntö",
        "reklamaatio", "reklamaationumero", "vahinkonumero", "viitenumero",
        "υπόθεση", "υπόθεσης", "αριθμός υπόθεσης", "αίτημα", "αιτήματος", "αριθμός αιτήματος",
        "案件番号", "管理番号", "申請番号", "工单", "工單", "案件号", "案件號", "报案号",
        "報案號", "投诉单号", "投訴單號", "服务单号", "服務單號",
        "案件編號", "案件编号", "報修單號", "报修单号", "維修單號", "维修单号", "編號", "编号",
        "受理番号", "整理番号", "お問合せ番号",
    ),
    # airline-style record locators, may be letters only: "booking ref XK3PQZ"
    "booking": (
        "booking reference", "booking ref", "booking code", "pnr", "confirmation code",
        "record locator", "localizador", "código de reserva", "buchungscode",
        "buchungsnummer", "code de réservation", "codice di prenotazione",
        "codice prenotazione", "varaustunnus", "予約番号", "预订号", "預訂號",
        "κωδικός κράτησης", "código da reserva", "localizador da reserva", "予約コード",
        "预订代码", "訂位代號", "订位代码", "確認番号", "varauskoodi", "buchungsreferenz",
        "référence de réservation", "référence de dossier", "numéro de réservation",
        "número de reserva", "número da reserva", "booking number", "reservation number",
        "reservation code", "αριθμός κράτησης",
        # airline tweets abbreviate it: "conf # K7X2PQ", "conf code QWERTZ"
        "conf", "conf code", "conf number", "conf no", "confirmation number",
        "confirmation no",
    ),
    # a PNR-like code (6 letters/digits, both present) within a short window after these
    "booking_near": (
        "booking", "reservation", "reserva", "réservation", "résa", "réf", "ref",
        "buchung", "prenotazione", "varaus", "varaukseni", "varauksen", "κράτηση",
        "κράτησης", "κωδικός κράτησης", "予約", "预订", "預訂", "订票", "訂票", "订单", "訂單",
        "localizador da reserva", "código da reserva", "bilhete", "passagem", "billet",
        "flight booking", "pnr", "localizador", "dossier", "buchungsnummer", "varaustunnus",
        "予約番号", "预订号", "預訂號", "訂位", "订位", "booking ref", "booking reference",
        "confirmation", "confirmación", "bestätigung", "vahvistus", "επιβεβαίωση",
        # tickets and bookings named by the trip: "nimi väärin varauksessa ... SDX92S"
        "flight ticket", "plane ticket", "train ticket", "billete", "billetes", "fahrkarte",
        "flugticket", "ticket d'avion",
        "bilhete", "εισιτήριο", "εισιτηρίου", "εισιτήρια", "varaukse*", "varauksella", "lippu",
        "lipun", "lentolippu*", "航空券", "切符", "机票", "機票", "车票", "車票",
    ),
    "password": (
        "password", "passcode", "passwd", "pwd", "pw", "pin", "pin code", "contraseña",
        "clave", "passwort", "kennwort", "mot de passe", "mdp", "senha", "パスワード",
        "暗証番号", "密码", "密碼", "salasana", "salasanani", "κωδικός", "κωδικός μου",
        "κωδικό", "κωδικό μου", "κωδικός πρόσβασης", "salasanaksi", "ログインパスワード",
        "登录密码", "登入密碼", "salasanan", "salasanalla", "passwords", "mot-de-passe",
        # frequent misspellings
        "passowrd", "pasword", "passwrod", "pssword", "contrasenya", "salasna",
        # PINs and banking secrets named by what they open
        "pin-code", "pin-koodi", "pin-koodini", "pin-nummer", "geheimzahl", "pinnummer",
        "code pin", "código pin", "número pin", "κωδικό pin", "κωδικός pin", "取款密码",
        "取款密碼", "提款密码", "提款密碼", "交易密码", "交易密碼", "支付密码", "支付密碼",
        "网银密码", "網銀密碼", "理财密码", "理財密碼", "wifi-salasana*", "wlan-passwort",
        "wlan-schlüssel", "clave wifi", "clave del wifi", "senha do wifi", "senha da wifi",
        "ログインpw",
    ),
    # only a bare run of 4-8 digits counts after these ("mon code c'est 0917")
    "pin": (
        "mon code", "mon code secret", "code secret", "code confidentiel", "code de ma carte",
        "code carte", "mi código secreto", "mein code", "o meu código", "meu código",
        "tunnusluku", "tunnuslukuni", "暗証", "パスコード",
    ),
    # a "user / secret" pair follows these ("login's tom.k / Bolt_8887")
    "login": (
        "login", "log in", "login details", "log-in", "credentials", "username", "user name",
        "usuario", "usuário", "benutzername", "benutzer", "zugangsdaten", "anmeldedaten",
        "identifiant", "identifiants", "käyttäjätunnus", "tunnukset", "tunnarit", "χρήστης",
        "στοιχεία σύνδεσης", "ユーザー名", "ログイン", "ログイン情報", "用户名", "用戶名",
        "账号密码", "帳號密碼", "acesso", "dados de acesso", "datos de acceso",
    ),
    "national_id": (
        "ssn", "social security", "social security number", "passport", "national id",
        "id number", "driver's license", "drivers license", "driving licence", "dni",
        "nie", "cpf", "nif", "pasaporte", "reisepass", "reisepassnummer",
        "personalausweis", "personalausweisnummer", "steuer-id", "steuerid",
        "ausweisnummer", "passeport", "numéro de sécurité sociale", "passaporto",
        "codice fiscale", "carta d'identità", "henkilötunnus", "hetu", "passin numero",
        "amka", "αμκα", "αριθμός ταυτότητας", "マイナンバー", "身份证", "身份证号",
        "身份证号码", "身分證", "身分證字號", "护照号", "護照號",
        # Swiss AHV/AVS, Greek AMKA/AFM, Portuguese NIF/CC, German tax id, Japanese My Number,
        # Hong Kong and Taiwan identity cards
        "ahv", "ahv-nummer", "ahv-nr", "avs", "numéro avs", "sozialversicherungsnummer",
        "versichertennummer", "steueridentifikationsnummer", "identifikationsnummer", "afm",
        "αφμ", "cartão de cidadão", "número de contribuinte", "contribuinte", "nº contribuinte",
        "documento de identidad", "número de identificación", "carte d'identité", "cni",
        "numéro fiscal", "個人番号", "マイナンバーカード", "hkid", "身份證", "身份證號碼",
        "身分证", "身分證號碼", "統一編號", "henkilötunnukseni", "hetuni", "sotu",
        "αριθμός μητρώου", "αδτ", "ταυτότητας",
    ),
    "dob": (
        "date of birth", "dob", "d.o.b", "born", "born on", "birth date", "birthdate",
        "birthday", "fecha de nacimiento", "nací el", "geburtsdatum", "geboren am",
        "date de naissance", "né le", "née le", "data de nascimento", "nasci em",
        "data di nascita", "nato il", "nata il", "生年月日", "出生日期", "生日",
        "syntymäaika", "ημερομηνία γέννησης", "γεννήθηκα στις",
        # inflected and casual forms: "syntymäaikaa", "fecha de nac.", "né(e) le", "出生年月日"
        "syntymäaika*", "syntynyt", "synnyin", "fecha de nac", "f. nacimiento", "nacido el",
        "nacida el", "geburtstag", "data de nasc", "nascido em", "nascida em",
        "出生年月日", "誕生日", "出生年月", "ημ. γέννησης", "ημερομηνία γεννήσεως", "γεννήθηκα",
        "year of birth",
    ),
    "address": (
        "my address is", "my home address is", "my new address is",
        "my delivery address is", "my shipping address is", "i live at",
        "mi dirección es", "vivo en", "meine adresse ist", "meine adresse lautet",
        "ich wohne in", "mon adresse est", "j'habite au", "j'habite à",
        "meu endereço é", "moro na", "il mio indirizzo è", "abito in", "osoitteeni on",
        "η διεύθυνσή μου είναι", "η διεύθυνση μου είναι",
    ),
    # broader address labels: the value must also look like an address (see pii.py)
    "address_near": (
        "my address", "mi dirección",
        "mi domicilio", "dirección de entrega", "meine adresse", "lieferadresse",
        "meine anschrift", "wohnhaft in", "mon adresse", "adresse de livraison",
        "j'habite", "meu endereço", "endereço de entrega", "minha morada", "moro em",
        "osoitteeni", "asun osoitteessa", "toimitusosoite", "η διεύθυνσή μου", "η διεύθυνση μου",
        "μένω στην", "μένω στο", "διεύθυνση αποστολής", "住所は", "私の住所", "お届け先",
        "我的地址", "收货地址", "收貨地址", "地址是", "我住在",
        "送貨地址", "送货地址", "寄件地址", "新地址", "地址改", "地址去", "配送先", "届け先",
        "新しい住所", "nueva dirección", "neue adresse", "nouvelle adresse", "novo endereço",
        "nova morada", "uusi osoite", "νέα διεύθυνση", "new address",
    ),
    # a number near these is the customer's own, even if it looks like a hotline
    "personal_phone": (
        "my phone", "my number", "my mobile", "my cell", "my tel", "call me", "text me",
        "reach me", "contact me", "whatsapp me", "mi número", "mi móvil", "mi celular",
        "llámame", "llámenme", "mein handy", "meine nummer", "meine handynummer",
        "meine telefonnummer", "ruf mich", "rufen sie mich", "mon numéro", "mon portable",
        "appelez-moi", "appelez moi", "rappelez-moi", "rappelez moi", "meu número",
        "meu telefone", "meu celular", "me liga", "me ligue", "il mio numero",
        "il mio cellulare", "chiamami", "richiamami", "soita minulle",
        "soittakaa minulle", "numeroni", "puhelinnumeroni", "私の電話", "私の番号",
        "私の携帯", "電話番号は", "我的电话", "我的電話", "我的手机", "我的手機", "打给我",
        "打給我", "το τηλέφωνό μου", "καλέστε με",
    ),
}
# fmt: on

# words linking a label to its value: "order no. 123", "mi pedido es 123", "注文番号は123"
CONNECTOR: Final = (
    r"(?:\s*(?:[:：#=.]|は|が|是|为|為|"
    r"(?:n[º°o]\.?|nr\.?|num\.?|number|nummer|número|numéro|numero|id|is|was|es|ist|"
    r"lautet|est|é|è|on|είναι)(?![^\W\d_])))*\s*"
)

# what links "my password" to its value: a verb or a colon, never nothing
VALUE_VERB: Final = (
    r"\s*,?\s*(?:[:=：]|は|是|为|為|"
    r"(?:(?:is|was)(?:\s+still)?|it's|it is|es|era|ist|lautet|war|est|était|c'est|é|è|"
    r"foi|on|oli|είναι|ήταν|set\s+to|puse|coloquei|gesetzt\s+auf)(?![^\W\d_]))\s*"
)

# words that follow "my password is" without being a password
# fmt: off
PASSWORD_STOPWORDS: Final = frozenset([
    "not", "no", "wrong", "incorrect", "invalid", "correct", "right", "expired", "being",
    "been", "too", "still", "the", "a", "an", "definitely", "already", "also", "very", "so",
    "now", "blocked", "locked", "changed", "reset", "working", "required", "needed",
    "different", "same", "saved", "weak", "strong", "long", "short", "empty", "missing",
    "rejected", "accepted", "ok", "okay", "fine", "broken", "case", "only", "just", "always",
    "never", "secure", "safe", "stored", "encrypted", "visible", "shown", "forgotten", "lost",
    "stolen", "compromised", "leaked", "hacked", "for", "in", "on", "my", "your", "it", "that",
    "this", "what", "and", "nothing", "simple", "meu", "minha", "mio", "mia", "incorrecta",
    "incorrecto", "erronea", "valida", "invalida", "la", "el", "mi", "muy", "correcta",
    "demasiado", "falsch", "nicht", "ungultig", "richtig", "zu", "korrekt", "abgelaufen",
    "gesperrt", "pas", "invalide", "faux", "trop", "bloque", "expire", "mon", "errada",
    "incorreta", "nao", "muito", "bloqueada", "sbagliata", "errata", "non", "scaduta",
    "bloccata", "ei", "vanhentunut", "toujours", "encore", "déjà", "deja", "todavia", "ya",
    "siempre", "schon", "noch", "immer", "ainda", "ja", "sempre", "vielä", "viela", "jo",
    "aina", "ακόμα", "ακομα", "ήδη", "ηδη", "πάντα", "παντα", "λάθος", "λαθος", "väärä",
    "vaara", "oikein", "väärin", "vaarin", "expiré", "erronée", "errónea", "incorrect.",
    "reset?", "required.", "there", "here", "de", "le", "les", "der", "die", "das", "o", "a",
    "um", "uma", "un", "une", "ein", "eine", "hard", "easy", "too", "case-sensitive",
])
# fmt: on

DATE: Final = (
    r"\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d)"
    r"|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,10}\.?\s+(?:de\s+)?\d{4}"
    r"|[^\W\d_]{3,10}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)

# what may introduce a password a few words after the password noun ("the password is
# wrong but it's mavi.419", "a nova é Tiger_5448", "新しいのはkissa5880", "kirjoitin: X")
CREDENTIAL_CUE: Final = (
    r"(?:[:=：]|は|是|为|為|けど|けれど|ど|が|改成|改为|改為|设为|設為|换成|換成|设成|設成"
    r"|改咗做|改咗|改做|设置成|設置成|打了|输入|輸入|入れた|入力した|にした"
    r"|(?<![^\W\d_])(?:is|it's|its|it is|was|now|but|new one is|es|era|ahora|pero|ist|war|aber"
    r"|typed|entered|put|set it to|used|tried|fue|puse|pongo|escribí|metí|tippe|tippte"
    r"|eingegeben|gesetzt|sag|sage|mis|j'ai mis|tape|j'ai tapé|essayé|coloquei|coloco|mandei"
    r"|digitei|digito|usei|laitoin|kirjoitin|syötin|käytin|έβαλα|γράφω|έγραψα|πληκτρολόγησα"
    r"|jetzt|est|c'est|était|mais|é|mas|agora|on|oli|mutta|nyt|είναι|ειναι|ήταν|ηταν|αλλά|αλλα"
    r"|τώρα|τωρα)"
    r"(?:\s+(?:definitely|really|exactly|literally|just|surely|still|seguro|sicher|wirklich"
    r"|bien|vraiment|mesmo|certamente|varmasti|kyllä|σίγουρα))?"
    r")\s*[\"'“‘«「『]?\Z"
)
# words right before a token that name something other than the password
# fmt: off
NOT_CREDENTIAL_CONTEXT: Final = (
    r"(?:user(?:name)?|login|usuario|benutzer(?:name)?|nutzername|identifiant|utilisateur"
    r"|usuário|usuario|käyttäjä(?:tunnus)?|tunnus|χρήστη[ςσ]?|ユーザー(?:名|id)?|用户名?|用戶名?"
    r"|账号|帳號|email|e-mail|mail|correo|id|coupon|cupón|cupon|voucher|promo|discount"
    r"|gutschein|rabatt(?:code)?|code promo|cupom|desconto|alennuskoodi|κουπόνι|έκπτωσης"
    r"|クーポン|优惠码|優惠碼|model|modell|modelo|malli|firmware|version|versión|versão|versio"
    r"|android|ios|iphone|ipad|windows|macos|galaxy|pixel|router|wifi|wlan|ssid|network|red"
    r"|netz(?:werk)?|réseau|rede|verkko|δίκτυο)"
    r"\s*[:=：]?\s*[\"'“‘«「『]?\Z"
)
# fmt: on

# a code named by these is a voucher or gift code, not a password (folded text)
COUPON_WORDS: Final = (
    r"coupon|voucher|promo|discount|gift|cupon|descuento|regalo|gutschein|rabatt|aktion"
    r"|reduction|remise|cadeau|cupom|desconto|presente|alennus|lahjakortti|kampanja"
    r"|κουπονι|εκπτωσ|δωρο|クーポン|割引|ギフト|优惠|優惠|折扣|礼品|禮品|兑换|兌換"
)

# a reference pasted at the start of a post is an order or booking when the post talks
# about one of these (folded text)
ORDER_CONTEXT: Final = (
    r"order|deliver|dispatch|shipp|arriv|parcel|package|tracking|booking|passenger|ticket"
    r"|pedido|entrega|envio|llega|paquete|seguimiento|reserva|pasajero|billete"
    r"|bestell|liefer|versand|verschickt|paket|sendung|buchung|fahrgast|ticket"
    r"|commande|livr|expedi|colis|suivi|reservation|passager|billet"
    r"|encomenda|chegar|chegou|rastreio|objeto|enviad|passageiro|bilhete"
    r"|tilau|toimit|paketti|lahetys|saapu|varau|lippu|matkustaja"
    r"|παραγγελ|αποστολ|δεμα|παραδοσ|κρατησ|επιβατ|εισιτηρι"
    r"|注文|配送|発送|届|頼んだ|荷物|予約|出荷|订单|訂單|发货|發貨|出货|出貨"
    r"|快递|快遞|包裹|到货|到貨"
    r"|这笔|這筆|物流|预订|預訂|机票|機票"
)

# a phone number after these (or asked about as "the right number") is the brand's line
HOTLINE_BEFORE: Final = (
    r"(?<![a-z\u00c0-\u024f\u0370-\u03ff])(?:customer service|customer services|customer care"
    r"|hotline|helpline|help line|support line"
    r"|call cent(?:re|er)|service line|atencion al cliente|servicio al cliente"
    r"|telefono de atencion|linea de atencion|kundenservice|kundendienst|servicehotline"
    r"|service client|service clients|serviço de atendimento|atendimento|central de atendimento"
    r"|sac|asiakaspalvelu|asiakaspalvelun|palvelunumero|εξυπηρετηση πελατων|εξυπηρετηση"
    r"|客服|热线|熱線|专线|專線|コールセンター|サポートセンター|お客様窓口|窓口|カスタマーセンター)"
    r"\W{0,3}(?:\w+\W+){0,2}\Z"
)
# "the line" names a service line, but also the customer's own mobile line ("η γραμμή
# +30 691 ... δεν έχει σήμα"): only fixed and special numbers are the brand's after it
HOTLINE_BEFORE_WEAK: Final = (
    r"(?<![a-z\u00c0-\u024f\u0370-\u03ff])(?:the line|γραμμη|la linea|die leitung|la ligne|a linha)"
    r"\W{0,3}(?:\w+\W+){0,2}\Z"
)
HOTLINE_AFTER: Final = (
    r"\A\W{0,3}(?:\w+\W+){0,3}?"
    r"(?:(?:the |your )?(?:right|correct|official|real|proper) (?:number|phone|line)"
    r"|numero correcto|el numero de|telefono correcto|richtige nummer|offizielle nummer"
    r"|bon numero|le numero officiel|numero certo|numero correto|numero oficial"
    r"|oikea numero|virallinen numero|σωστο τηλεφωνο|σωστος αριθμος|σωστο νουμερο"
    r"|正しい番号|公式の番号|正确的号码|正確的號碼|官方电话|官方電話|gratuito|gratuit|kostenlos"
    r"|maksuton|δωρεαν|toll[- ]free)"
)
# a digit run near these is a product barcode, not a phone number
BARCODE_WORDS: Final = (
    r"barcode|bar code|ean|gtin|upc|strichcode|barcodenummer|codigo de barras|code-barres"
    r"|code barre|viivakoodi|γραμμωτο|barkod|バーコード|条形码|條碼|条码|janコード"
)
