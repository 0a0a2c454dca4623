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
        "hackeado": 2.0, "hackeada": 2.0, "conta invadida": 3.0,
        "não funciona": 2.5, "parou de funcionar": 3.0, "não liga": 2.5,
        "não carrega": 2.0, "travando": 2.0, "travou": 2.0, "fora do ar": 3.0,
        "caiu": 1.5, "erro": 1.5, "bug": 2.0, "quebrado": 2.0, "quebrada": 2.0,
        "chegou quebrado": 3.0, "danificado": 2.5, "defeito": 2.5, "com defeito": 3.0,
        "não consigo entrar": 3.0, "não consigo acessar": 3.0,
        "não consigo fazer login": 3.0, "conta bloqueada": 3.0, "sem internet": 2.5,
        "sem sinal": 2.5, "sem serviço": 2.5, "sem conexão": 2.5, "avariado": 2.5,
    },
    "order": {
        "pedido": 2.0, "meu pedido": 2.5, "cadê meu pedido": 3.0,
        "onde está o meu pedido": 3.0, "encomenda": 2.5, "não chegou": 2.5,
        "ainda não chegou": 3.0, "não recebi": 2.5, "entrega": 2.0, "entregue": 1.5,
        "rastreio": 2.5, "rastreamento": 2.5, "reembolso": 2.5, "estorno": 2.5,
        "devolução": 2.5, "devolver": 1.5, "cancelar": 1.5, "cancelamento": 2.0,
        "cobrança": 2.0, "cobrado duas vezes": 3.0, "cobraram": 2.0, "fatura": 2.0,
        "reserva": 2.0, "bagagem": 2.5, "mala": 1.5, "produto errado": 3.0,
        "tamanho errado": 2.5, "entregador": 2.0, "correios": 1.5,
    },
    "complaint": {
        "péssimo": 2.5, "péssimo atendimento": 3.0, "atendimento": 1.0,
        "horrível": 2.0, "absurdo": 2.5, "vergonha": 2.5, "ridículo": 2.0,
        "descaso": 2.5, "ninguém responde": 2.5, "sem resposta": 2.0,
        "esperando": 1.5, "horas esperando": 3.0, "demora": 2.0, "atraso": 2.0,
        "atrasado": 1.5, "caro": 1.5, "golpe": 1.5, "reclamação": 2.5,
        "decepcionado": 2.5, "decepcionada": 2.5, "decepção": 2.5, "nunca mais": 2.5,
        "cansado de": 2.0, "lixo": 2.0, "palhaçada": 2.5, "mal educado": 2.5,
    },
    "praise": {
        "obrigado": 2.0, "obrigada": 2.0, "muito obrigado": 2.5, "muito obrigada": 2.5,
        "valeu": 2.0, "excelente": 2.0, "ótimo": 1.5, "maravilhoso": 2.0, "amei": 2.5,
        "adorei": 2.5, "parabéns": 2.5, "perfeito": 1.5, "atendimento excelente": 3.0,
        "ótimo atendimento": 3.0,
    },
    "question": {
        "disponível": 1.0, "tem estoque": 2.0, "em estoque": 2.0, "quanto custa": 2.0,
        "preço": 1.0, "compatível": 1.5, "horário": 1.5, "dúvida": 2.0,
        "uma pergunta": 2.5,
    },
    "other": {
        "sorteio": 2.5, "me segue": 2.0, "bom dia": 1.0, "kkk*": 1.0,
        "desde já obrigado": 0.0,
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
        "hakkeroitu": 2.5,
        "ei toimi": 2.5, "lakannut toimimasta": 3.0, "ei käynnisty": 3.0,
        "ei lataudu": 2.5, "kaatuu": 2.5, "kaatui": 2.5, "jumissa": 2.0, "vika": 2.0,
        "vikaa": 2.0, "virhe": 1.5, "virheilmoitus": 2.5, "rikki": 2.5, "hajosi": 2.5,
        "viallinen": 2.5, "vaurioitunut": 2.5, "en pääse kirjautumaan": 3.0,
        "kirjautuminen ei onnistu": 3.0, "ei yhteyttä": 2.5, "katkos": 2.5,
        "häiriö": 2.5, "bugi": 2.0,
    },
    "order": {
        "tilau*": 2.0, "paket*": 2.0, "toimitu*": 2.0, "ei ole saapunut": 2.5,
        "ei ole vielä saapunut": 3.0, "ei saapunut": 2.5, "en ole saanut": 2.5,
        "seuranta*": 2.0, "palautu*": 2.5, "palautus": 2.5, "hyvity*": 2.5,
        "rahat takaisin": 2.5, "peruutus": 2.0, "peruuttaa": 1.5, "lasku*": 2.0,
        "veloitettiin kahdesti": 3.0, "veloitus": 2.0, "varau*": 2.0,
        "matkatavara*": 2.5, "väärä tuote": 3.0,
    },
    "complaint": {
        "surkea": 2.5, "surkeaa": 2.5, "huono palvelu": 3.0, "huonoa palvelua": 3.0,
        "kamala": 2.0, "kamalaa": 2.0, "järkyttävä": 2.5, "pettynyt": 2.5,
        "pettymys": 2.5, "kukaan ei vastaa": 2.5, "ei vastausta": 2.0,
        "jonottanut": 2.5, "jono*": 1.5, "odottanut": 2.0, "myöhässä": 2.0,
        "viive": 2.0, "liian kallis": 2.5, "valitus": 2.5, "ei enää ikinä": 2.5,
        "törkeää": 2.5, "epäkohtelias": 2.5,
    },
    "praise": {
        "kiitos": 2.0, "kiitoksia": 2.5, "paljon kiitoksia": 2.5, "kiitti": 2.0,
        "loistava": 2.0, "loistavaa": 2.0, "erinomainen": 2.0, "mahtava": 2.0,
        "mahtavaa": 2.0, "hyvä palvelu": 3.0, "hyvää palvelua": 3.0, "upea": 2.0,
        "ihana": 1.5, "ystävällinen": 1.5,
    },
    "question": {
        "saatavilla": 1.5, "varastossa": 2.0, "paljonko maksaa": 2.5,
        "mitä maksaa": 2.0, "hinta": 1.0, "yhteensopiva": 1.5, "aukioloajat": 2.0,
        "kysymys": 1.5, "kysyisin": 2.5,
    },
    "other": {
        "arvonta": 2.5, "huomenta": 1.0, "seuraa minua": 2.0,
    },
}
# fmt: on

# fmt: off
EL: Final = {
    "defect": {
        "χακαρ*": 2.0,
        "δεν λειτουργεί": 2.5, "δε λειτουργεί": 2.5, "σταμάτησε να λειτουργεί": 3.0,
        "δεν ανοίγει": 2.5, "δεν φορτώνει": 2.5, "κολλάει": 2.0, "κόλλησε": 2.0,
        "χάλασε": 2.5, "χαλασμένο": 2.5, "βλάβη": 2.5, "σφάλμα": 1.5, "πρόβλημα": 1.0,
        "δεν μπορώ να συνδεθώ": 3.0, "δεν έχει σήμα": 2.5, "χωρίς σήμα": 2.5,
        "χωρίς ίντερνετ": 2.5, "δεν έχω ίντερνετ": 2.5, "πεσμένο": 2.0, "έπεσε": 1.5,
        "ελαττωματικό": 2.5, "σπασμένο": 2.0, "κατεστραμμένο": 2.5,
    },
    "order": {
        "παραγγελ*": 2.0, "δέμα": 2.0, "δέματ*": 2.0, "αποστολή": 2.0, "παράδοση": 2.0,
        "δεν έχει έρθει": 2.5, "δεν ήρθε": 2.5, "δεν έχω παραλάβει": 3.0,
        "δεν παρέλαβα": 2.5, "επιστροφή χρημάτων": 3.0, "επιστροφή": 1.5,
        "ακύρωσ*": 2.0, "χρέωση": 2.0, "χρεώθηκα": 2.5, "διπλή χρέωση": 3.0,
        "κράτηση": 2.0, "αποσκευ*": 2.5, "βαλίτσα": 2.0, "λάθος προϊόν": 3.0,
        "κούριερ": 2.0,
    },
    "complaint": {
        "απαράδεκτ*": 2.5, "άθλι*": 2.5, "χάλια": 2.0, "ντροπή": 2.5,
        "κανείς δεν απαντά": 2.5, "καμία απάντηση": 2.5, "αναμονή": 1.5,
        "ώρες αναμονή": 3.0, "καθυστέρηση": 2.0, "πολύ ακριβό": 2.5,
        "απογοητευ*": 2.5, "παράπονο": 2.5, "κοροϊδία": 2.5, "αγενής": 2.5,
        "ποτέ ξανά": 2.5,
    },
    "praise": {
        "ευχαριστώ": 2.0, "ευχαριστώ πολύ": 2.5, "ευχαριστούμε": 2.0, "τέλεια": 1.5,
        "τέλειο": 1.5, "εξαιρετικ*": 2.0, "υπέροχ*": 2.0, "μπράβο": 2.5, "άψογ*": 2.5,
    },
    "question": {
        "διαθέσιμο": 1.0, "διαθεσιμότητα": 1.5, "πόσο κοστίζει": 2.0, "τιμή": 1.0,
        "συμβατό": 1.5, "ωράριο": 1.5, "ερώτηση": 1.5,
    },
    "other": {
        "διαγωνισμός": 2.5, "καλημέρα": 1.0,
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
