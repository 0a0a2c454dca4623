#!/usr/bin/env python3
"""Generate the bundled carerouter demo stream.

The stream is a JSON-lines file replayed by ``make run``.  Every line is either
an inbound social media event in the ingest input format::

    {"type": "event", "at": 1.25, "event": {...}}

or a simulated CRM agent acting on the case of a conversation::

    {"type": "agent_action", "at": 12.0, "platform": "x", "thread_id": "...",
     "action": "first_response", "agent": "RP", "text": "... ^RP"}

``at`` is seconds from the start of the stream.  Everything is built from
hand-written text fragments and a seeded ``random.Random`` so that running the
script twice produces byte-identical output.  Standard library only.

Usage::

    python tools/make_demo_stream.py                 # full demo stream
    python tools/make_demo_stream.py --small         # small test sample
    python tools/make_demo_stream.py --out /tmp/s.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO_DIR = REPO_ROOT / "services" / "carerouter" / "demo"


@dataclass(frozen=True)
class Profile:
    """Size and timing knobs for one kind of output file."""

    seed: int
    threads: int
    root_span: float  # thread roots start within [0.2, root_span] seconds
    end: float  # nothing is scheduled after this many seconds
    duplicates: int
    reopens: int
    default_out: Path
    max_lines: int | None = None  # keep only the first N lines


PROFILES = {
    "full": Profile(
        seed=20261123,
        threads=335,
        root_span=31.0,
        end=40.5,
        duplicates=5,
        reopens=5,
        default_out=DEMO_DIR / "stream.jsonl",
    ),
    "small": Profile(
        seed=4711,
        threads=33,
        root_span=20.0,
        end=28.0,
        duplicates=1,
        reopens=1,
        default_out=DEMO_DIR / "sample_small.jsonl",
        max_lines=60,
    ),
}

# --------------------------------------------------------------------------
# Distributions
# --------------------------------------------------------------------------

LANG_WEIGHTS = {
    "en": 37,
    "es": 12,
    "de": 10,
    "fr": 9,
    "pt": 10,
    "ja": 8,
    "zh": 6,
    "fi": 3.5,
    "el": 3.5,
}
PLATFORM_WEIGHTS = {
    "x": 28,
    "facebook": 19,
    "instagram": 18,
    "youtube": 12,
    "trustpilot": 12,
    "google_reviews": 11,
}
INTENT_WEIGHTS = {
    "defect": 20,
    "order": 24,
    "complaint": 17,
    "praise": 13,
    "question": 16,
    "other": 10,
}
REVIEW_INTENT_WEIGHTS = {
    "defect": 24,
    "order": 26,
    "complaint": 20,
    "praise": 22,
    "question": 5,
    "other": 3,
}
# Root kind of a new conversation per platform.
ROOT_KINDS = {
    "x": {"mention": 70, "dm": 30},
    "facebook": {"comment": 45, "post": 25, "dm": 30},
    "instagram": {"comment": 50, "mention": 20, "dm": 30},
    "youtube": {"comment": 100},
    "trustpilot": {"review": 100},
    "google_reviews": {"review": 100},
}
REVIEW_SITES = ("trustpilot", "google_reviews")
MOOD = {
    "defect": "neg",
    "order": "neg",
    "complaint": "neg",
    "praise": "pos",
    "question": "neu",
    "other": "neu",
}
# Probability that an agent picks the conversation up at all.
RESPOND_P = {
    "defect": 0.62,
    "order": 0.65,
    "complaint": 0.55,
    "praise": 0.40,
    "question": 0.55,
    "other": 0.08,
}
# Offset of the customer's local time from UTC, used to place created_at in
# plausible business hours / evenings for each language community.
TZ_OFFSET = {
    "en": -1,
    "es": 1,
    "de": 1,
    "fr": 1,
    "pt": -3,
    "ja": 9,
    "zh": 8,
    "fi": 2,
    "el": 2,
}
STREAM_MONDAY = datetime(2026, 11, 23, tzinfo=UTC)  # Black Friday week

PRODUCTS = [
    "Pulse X2",
    "Pulse X2 Pro",
    "Nova 14",
    "Nova 16",
    "Vibe Mini",
    "Vibe Max",
    "Fit 3",
    "Fit 3 Sport",
    "Lumen 55",
    "Lumen 65",
    "Glide AX",
    "Snap C1",
    "Home Hub",
    "Charge 65W",
    "AcmeBook Air",
    "Acme Pad 11",
]

BRANDS_X = {
    "en": "@acme_care",
    "es": "@acme_es",
    "de": "@acme_de",
    "fr": "@acme_fr",
    "pt": "@acme_br",
    "ja": "@acme_jp",
    "zh": "@acme_care",
    "fi": "@acme_care",
    "el": "@acme_care",
}
BRANDS_PAGE = {
    "en": "@acme",
    "es": "@acme_es",
    "de": "@acme_de",
    "fr": "@acme_fr",
    "pt": "@acme_br",
    "ja": "@acme_jp",
    "zh": "@acme",
    "fi": "@acme",
    "el": "@acme",
}

# --------------------------------------------------------------------------
# Customer texts.  Slots: {p} {p2} product, {order} order number, {n} days,
# {m} minutes, {h} hours, {amt} price, {city}, {case} ticket, {ver} app
# version, {url} link.
# --------------------------------------------------------------------------

TEXTS: dict[str, dict[str, list[str]]] = {
    "en": {
        "defect": [
            "my {p} stopped charging after {n} days. tried 3 different cables",
            "the acme app crashes every time I open the orders tab",
            "can't log in to my acme account, it keeps saying 'something went wrong'",
            "my {p} won't turn on anymore. no lights, nothing",
            "screen on my {p} has a flickering green line across the middle",
            "after the last update my {p} keeps rebooting on its own",
            "login code never arrives. tried sms AND email. locked out of my own account",
            "app update {ver} broke bluetooth pairing with my {p}",
            "bought the {p} {n} days ago and it already gets too hot to touch",
            "is anyone else's {p} dropping wifi every 10 minutes or is it just me",
            "the acme app just shows a white screen on android 15. reinstalled twice",
            "battery on the {p} goes from 100 to 20 overnight doing literally nothing",
            "password reset link says expired the second I click it. cant get into my account",
            "{p} came out of the box with a dead pixel right in the center. great start",
            "my {p} makes a buzzing noise whenever the volume goes above half",
            "the app logs me out every single time I close it",
            "firmware update failed halfway and now my {p} is stuck on the logo",
            "touch controls on my {p} stopped responding, only the power button works",
            "checkout in the app throws error 502 every time I hit pay",
        ],
        "order": [
            "where is my order {order}? tracking hasn't moved in {n} days",
            "ordered a {p} and received a phone case. wrong item, order {order}",
            "still waiting on my refund for {order}, it's been {n} days since you got the return",
            "I cancelled order {order} within an hour and you shipped it anyway??",
            "you charged me twice for the same order ({order}), {amt} each time",
            "parcel says delivered but nothing here. neighbours don't have it either. {order}",
            "how long does a refund actually take? returned my {p} {n} days ago and nothing",
            "my order {order} has been 'processing' since the black friday sale started",
            "delivery window was 8-12 today, courier never showed up. order {order}",
            "got charged {amt} but the order doesn't even show up in my account",
            "the box arrived crushed and the {p} inside is cracked. {order}",
            "tried to cancel {order} on the website but the button is greyed out",
            "promo code wasn't applied at checkout and I paid full price, {amt}",
            "ordered 2 items, only one arrived. where's the rest of {order}?",
            "refund was approved {n} days ago, still not on my card",
            "why does my order {order} say it shipped to a different city??",
            "pre-ordered the {p} back in october, delivery date keeps moving. ship it or cancel it",
            "the tracking link for {order} just says 'label created' for a week",
        ],
        "complaint": [
            "{m} minutes on hold and then the line just drops. every. time.",
            "your support chat agent literally closed the chat while I was typing",
            "the guy at the {city} store was so rude when I asked about a return",
            "wow {m} minutes of hold music, truly world class service",
            "{amt} for a charger?? you've lost your minds",
            "emailed support {n} times, got the same copy-paste answer every time",
            "love how you raised prices right before black friday and called it a deal",
            "third replacement {p} in two months. quality control must be on vacation",
            "nobody answers the phone, nobody answers emails, nobody answers here. impressive",
            "being transferred between 4 departments is not what I'd call customer care",
            "your chatbot keeps sending me to the FAQ. I don't need the FAQ I need a human",
            "oh great, another 'we're experiencing high volumes' email. it's been {n} days",
            "the return policy is a joke. you want the original plastic wrap back too?",
            "was promised a callback within 24h. that was {n} days ago",
            "honestly the worst support experience I've had with any brand",
            "thanks for the survey asking how my support experience was. you don't want to know",
            "shipping fee went up to {amt} overnight. nice touch",
            "so the 'express' delivery takes {n} days now? cool cool cool",
        ],
        "praise": [
            "shoutout to the acme support team, fixed my {p} issue in 5 minutes",
            "the new {p} is honestly so good, battery lasts forever",
            "whoever helped me in the chat today was super patient, thank you!",
            "got my replacement {p} in 2 days. didn't expect that, well done",
            "been using my {p} for a year now and zero issues. love it",
            "acme store in {city} sorted my return on the spot. 10/10",
            "sound quality on the {p} is unreal for the price",
            "ok I was skeptical but the {p} is the best thing I bought this year",
            "thank you for actually reading my message and helping",
            "fastest delivery ever, ordered last night and it's already here",
            "the app redesign is clean, finally I can find my orders",
            "refund came through in 2 days, no questions asked. respect",
            "my kid dropped the {p} in the pool and it still works lol",
            "support walked me through the firmware reset, works perfectly now. thanks!",
            "best black friday deal I got, {p} for {amt}",
            "really nice packaging, no plastic at all",
        ],
        "question": [
            "does the {p} support usb-c fast charging?",
            "do you ship to the canary islands?",
            "how do I pair my {p} with two devices at the same time?",
            "is the black friday price on the {p} valid in stores too?",
            "can I return something I bought online in one of your stores?",
            "what's the actual difference between the {p} and the {p2}?",
            "when does the black friday sale end?",
            "how do I change the delivery address on an order that hasn't shipped yet?",
            "does the warranty cover water damage on the {p}?",
            "is there a student discount?",
            "how do I turn off auto-update on the {p}?",
            "will the {p} be back in stock before christmas?",
            "can I pay in installments?",
            "is the {p} compatible with a mac?",
            "where do I find the serial number on my {p}?",
            "do you price match if it drops after I buy?",
        ],
        "other": [
            "earn $500/day from home, DM me for the link",
            "follow me for daily tech giveaways!! link in bio",
            "first",
            "lol who's running the acme account today, the memes are fire",
            "anyone else watching this at 3am",
            "hey collab? I do tech reviews, 12k followers, check my page",
            "the song in this ad is stuck in my head, what is it",
            "good morning everyone",
            "claim your free {p} here acme-gift-free.win (not fake)",
            "can't decide between black and white, vote below",
            "my cat likes your boxes more than anything I buy her",
            "CRYPTO SIGNALS 100% WIN RATE join my telegram",
            "happy thanksgiving acme fam",
            "who else came here from tiktok",
            "this comment section is wild",
            "nice",
        ],
    },
    "es": {
        "defect": [
            "mi {p} dejó de cargar a los {n} días, ya probé con otro cable",
            "la app de acme se cierra sola cada vez que abro mis pedidos",
            "no puedo iniciar sesión, me sale 'error desconocido' todo el rato",
            "el {p} se reinicia solo desde la última actualización",
            "la pantalla de mi {p} tiene una raya verde y lo compré hace nada",
            "no me llega el código de verificación, no puedo entrar en mi cuenta",
            "mi {p} se calienta muchísimo y luego se apaga",
            "el {p} no se conecta al wifi, ya lo he reseteado dos veces",
        ],
        "order": [
            "¿dónde está mi pedido {order}? lleva {n} días sin moverse el seguimiento",
            "pedí un {p} y me llegó otra cosa. pedido {order}",
            "sigo esperando el reembolso del pedido {order}, ya van {n} días",
            "cancelé el pedido {order} y me lo habéis cobrado igual",
            "me habéis cobrado {amt} dos veces por el mismo pedido",
            "pone entregado pero aquí no ha llegado nada. {order}",
            "el repartidor no vino y marcó 'ausente', estuve en casa todo el día",
            "la caja llegó destrozada y el {p} roto",
        ],
        "complaint": [
            "{m} minutos esperando al teléfono para que me cuelguen. vergüenza",
            "el dependiente de la tienda de {city} fue súper borde conmigo",
            "qué maravilla de atención al cliente, {n} días sin respuesta",
            "{amt} por un cargador? os habéis vuelto locos",
            "el chat me manda siempre a las preguntas frecuentes, quiero hablar con una persona",
            "me prometieron una llamada en 24h y nada, {n} días ya",
            "vaya servicio más lamentable, no vuelvo a comprar aquí",
        ],
        "praise": [
            "gracias al equipo de soporte, me arreglaron lo del {p} en 5 minutos",
            "el {p} es una pasada, la batería dura muchísimo",
            "me llegó el {p} de reemplazo en dos días, genial",
            "en la tienda de {city} me atendieron de diez",
            "llevo un año con mi {p} y ni un problema",
            "el reembolso llegó rapidísimo, gracias!",
        ],
        "question": [
            "¿el {p} tiene carga rápida por usb-c?",
            "¿hacéis envíos a Canarias?",
            "¿cómo conecto el {p} a dos dispositivos a la vez?",
            "¿el precio del black friday vale también en tienda?",
            "¿puedo devolver en tienda algo que compré online?",
            "¿qué diferencia hay entre el {p} y el {p2}?",
            "¿se puede pagar a plazos?",
        ],
        "other": [
            "sorteo!! sígueme y gana un {p}",
            "jajaja el community manager de hoy está on fire",
            "buenos días a todos",
            "gana 300€ al día desde casa, escríbeme",
            "primero",
            "¿alguien más viendo esto a las 3 de la mañana?",
        ],
    },
    "de": {
        "defect": [
            "mein {p} lädt seit gestern nicht mehr, Kabel schon getauscht",
            "die Acme App stürzt jedes Mal ab, wenn ich auf Bestellungen tippe",
            "Login geht nicht, immer nur 'Es ist ein Fehler aufgetreten'",
            "seit dem Update startet der {p} ständig neu",
            "Display vom {p} flackert, das Gerät ist {n} Tage alt",
            "Bestätigungscode kommt nie an, ich komm nicht in mein Konto",
            "{p} wird extrem heiß und geht dann einfach aus",
            "der {p} verliert alle paar Minuten das WLAN",
        ],
        "order": [
            "wo bleibt meine Bestellung {order}? Sendungsverfolgung hängt seit {n} Tagen",
            "falscher Artikel geliefert, bestellt war ein {p}. Bestellnr. {order}",
            "warte seit {n} Tagen auf meine Erstattung für {order}",
            "Bestellung {order} storniert und trotzdem abgebucht?!",
            "mir wurden {amt} doppelt abgebucht",
            "laut Tracking zugestellt, hier ist aber nichts angekommen. {order}",
            "Paket kam völlig zerdrückt an, {p} ist kaputt",
            "Stornieren auf der Website geht nicht, der Button ist ausgegraut",
        ],
        "complaint": [
            "{m} Minuten in der Warteschleife und dann aufgelegt. Danke für nichts",
            "der Mitarbeiter im Laden in {city} war echt unverschämt",
            "super Service, seit {n} Tagen keine Antwort",
            "{amt} für ein Ladegerät? Im Ernst?",
            "der Chatbot schickt mich immer nur zu den FAQ. Ich will mit einem Menschen reden",
            "Rückruf innerhalb von 24h versprochen, jetzt sind es {n} Tage",
            "schlechtester Kundenservice, den ich je erlebt hab",
        ],
        "praise": [
            "großes Lob an den Support, Problem mit dem {p} in 5 Minuten gelöst",
            "der {p} ist echt top, der Akku hält ewig",
            "Ersatzgerät war nach 2 Tagen da, klasse",
            "im Store in {city} super beraten worden, danke!",
            "seit einem Jahr mit dem {p} unterwegs und null Probleme",
            "Erstattung ging total schnell, danke euch",
        ],
        "question": [
            "unterstützt der {p} Schnellladen über USB-C?",
            "liefert ihr auch nach Österreich?",
            "wie verbinde ich den {p} mit zwei Geräten gleichzeitig?",
            "gilt der Black Friday Preis auch im Laden?",
            "kann ich online gekaufte Sachen im Store zurückgeben?",
            "was ist der Unterschied zwischen {p} und {p2}?",
            "kann man bei euch in Raten zahlen?",
        ],
        "other": [
            "Gewinnspiel!! Folgt mir und gewinnt ein {p}",
            "wer auch immer heute den Account macht: Gehaltserhöhung",
            "guten Morgen zusammen",
            "500€ am Tag von zuhause verdienen, schreib mir",
            "Erster!",
            "wer schaut das noch um 3 Uhr nachts",
        ],
    },
    "fr": {
        "defect": [
            "mon {p} ne charge plus depuis hier, j'ai déjà changé de câble",
            "l'appli acme plante dès que j'ouvre mes commandes",
            "impossible de me connecter, ça affiche 'une erreur est survenue' en boucle",
            "depuis la mise à jour mon {p} redémarre tout seul",
            "l'écran de mon {p} clignote, il a {n} jours",
            "je reçois jamais le code de vérification, je suis bloqué hors de mon compte",
            "le {p} chauffe énormément puis s'éteint",
            "mon {p} perd le wifi toutes les dix minutes",
        ],
        "order": [
            "où en est ma commande {order} ? le suivi n'a pas bougé depuis {n} jours",
            "j'ai commandé un {p} et reçu autre chose. commande {order}",
            "toujours pas remboursé pour {order}, ça fait {n} jours",
            "commande {order} annulée et pourtant débitée ??",
            "vous m'avez prélevé {amt} deux fois",
            "colis marqué livré mais rien reçu. {order}",
            "le livreur n'est jamais passé et a mis 'absent'",
            "carton écrasé, {p} cassé à l'arrivée",
        ],
        "complaint": [
            "{m} minutes d'attente au téléphone pour qu'on me raccroche au nez",
            "le vendeur du magasin de {city} a été super désagréable",
            "bravo le service client, {n} jours sans réponse",
            "{amt} pour un chargeur ? sérieusement ?",
            "votre chatbot me renvoie toujours vers la FAQ, je veux parler à un humain",
            "on m'avait promis un rappel sous 24h, ça fait {n} jours",
            "franchement le pire SAV que j'ai connu",
        ],
        "praise": [
            "merci au support, problème réglé sur mon {p} en 5 minutes",
            "le {p} est vraiment top, la batterie tient des jours",
            "remplacement reçu en 2 jours, chapeau",
            "super accueil au magasin de {city}, merci !",
            "un an avec mon {p} et zéro souci",
            "remboursement reçu super vite, merci",
        ],
        "question": [
            "est-ce que le {p} supporte la charge rapide usb-c ?",
            "vous livrez en Belgique ?",
            "comment connecter le {p} à deux appareils en même temps ?",
            "le prix black friday est valable en magasin aussi ?",
            "je peux retourner en magasin un achat fait en ligne ?",
            "quelle différence entre le {p} et le {p2} ?",
            "on peut payer en 3 fois ?",
        ],
        "other": [
            "concours !! abonnez-vous et gagnez un {p}",
            "mdr le CM est en forme aujourd'hui",
            "bonjour tout le monde",
            "gagne 400€ par jour depuis chez toi, écris-moi en privé",
            "premier !",
            "qui regarde ça à 3h du mat",
        ],
    },
    "pt": {
        "defect": [
            "meu {p} parou de carregar depois de {n} dias, já troquei o cabo",
            "o app da acme fecha sozinho toda vez que abro meus pedidos",
            "não consigo fazer login, só aparece 'erro inesperado'",
            "depois da atualização o {p} fica reiniciando sozinho",
            "a tela do meu {p} tá piscando, comprei faz uma semana",
            "o código de verificação nunca chega, tô sem acesso à conta",
            "o {p} esquenta demais e desliga",
        ],
        "order": [
            "cadê meu pedido {order}? rastreio parado há {n} dias",
            "pedi um {p} e veio outra coisa. pedido {order}",
            "ainda esperando o reembolso do pedido {order}, já são {n} dias",
            "cancelei o pedido {order} e cobraram mesmo assim",
            "fui cobrado duas vezes, {amt} cada",
            "diz entregue mas não chegou nada aqui. {order}",
            "a caixa chegou amassada e o {p} quebrado",
        ],
        "complaint": [
            "{m} minutos esperando no telefone pra desligarem na minha cara",
            "o atendente da loja de {city} foi super grosso",
            "parabéns pelo atendimento, {n} dias sem resposta",
            "{amt} num carregador? tão de brincadeira",
            "o chatbot só me manda pro FAQ, quero falar com uma pessoa",
            "prometeram retorno em 24h, já faz {n} dias",
            "pior atendimento que já tive na vida",
        ],
        "praise": [
            "valeu suporte da acme, resolveram meu {p} em 5 minutos",
            "o {p} é muito bom, a bateria dura demais",
            "a troca do {p} chegou em 2 dias, top",
            "atendimento na loja de {city} foi nota 10",
            "um ano com meu {p} e nenhum problema",
            "reembolso caiu rapidinho, obrigado!",
        ],
        "question": [
            "o {p} tem carregamento rápido usb-c?",
            "vocês entregam em Portugal?",
            "como conecto o {p} em dois aparelhos ao mesmo tempo?",
            "o preço da black friday vale na loja física?",
            "dá pra parcelar em 10x sem juros?",
            "qual a diferença entre o {p} e o {p2}?",
        ],
        "other": [
            "sorteio!! me segue e ganha um {p}",
            "kkkkk quem tá no adm hoje tá inspirado",
            "bom dia gente",
            "ganhe R$ 500 por dia em casa, chama no direct",
            "primeiro!",
            "alguém vendo isso às 3 da manhã?",
        ],
    },
    "ja": {
        "defect": [
            "{p}が{n}日で充電できなくなりました。ケーブルも変えてみたけどダメ",
            "アプリで注文履歴を開くと毎回落ちる…",
            "ログインできない。「エラーが発生しました」しか出ない",
            "アップデートしてから{p}が勝手に再起動する",
            "{p}の画面がチカチカする、買ったばかりなのに",
            "認証コードが届かなくてアカウントに入れません",
            "{p}がめちゃくちゃ熱くなって電源が落ちる",
        ],
        "order": [
            "注文{order}がまだ届きません。追跡が{n}日止まったまま",
            "{p}を注文したのに違う商品が届いた。注文番号{order}",
            "返金まだですか？返品してから{n}日経ちます",
            "キャンセルしたのに{order}が発送された",
            "{amt}が二重に請求されてる",
            "配達済みになってるけど届いてない。{order}",
            "箱が潰れてて{p}が割れてました",
        ],
        "complaint": [
            "電話で{m}分待たされて切られた。ありえない",
            "{city}の店舗のスタッフの対応がひどかった",
            "{n}日返信なし。素晴らしいサポートですね",
            "充電器が{amt}って高すぎでしょ",
            "チャットボットがFAQに飛ばすだけ。人と話したい",
            "24時間以内に折り返すって言われて{n}日経過",
            "サポート最悪すぎる",
        ],
        "praise": [
            "サポートの方が5分で{p}の問題を解決してくれた",
            "{p}最高。バッテリー持ちがすごい",
            "交換品が2日で届いた、早い！",
            "{city}店のスタッフさん親切でした。ありがとうございます",
            "{p}を1年使ってるけど全く問題なし",
            "返金がすぐ来た、ありがとう",
        ],
        "question": [
            "{p}はUSB-Cの急速充電に対応してますか？",
            "沖縄にも配送できますか？",
            "{p}を2台同時に接続する方法を教えてください",
            "ブラックフライデーの価格は店舗でも適用されますか？",
            "オンラインで買ったものを店舗で返品できますか？",
            "{p}と{p2}の違いは何ですか？",
        ],
        "other": [
            "プレゼント企画！フォロー&RTで{p}が当たる",
            "中の人今日テンション高いｗｗｗ",
            "おはようございます",
            "在宅で月100万稼げる方法教えます、DMください",
            "一番乗り！",
            "深夜3時にこれ見てる人いる？",
        ],
    },
    "zh": {
        "defect": [
            "我的{p}用了{n}天就充不进电了，换了线也没用",
            "acme的app一打开订单页面就闪退",
            "登录不了，一直提示“发生错误”",
            "更新之后{p}老是自己重启",
            "{p}屏幕一直闪，刚买没几天",
            "验证码一直收不到，账号进不去",
            "{p}发热特别严重，然后直接关机",
        ],
        "order": [
            "我的订单{order}到底在哪？物流{n}天没更新了",
            "买的是{p}，收到的却是别的东西。订单号{order}",
            "退款还没到账，退货已经{n}天了",
            "订单{order}已经取消了为什么还发货",
            "被重复扣款了，每次{amt}",
            "显示已签收但我根本没收到。{order}",
            "箱子压坏了，{p}也裂了",
        ],
        "complaint": [
            "电话等了{m}分钟然后直接挂断，服了",
            "{city}门店的店员态度太差了",
            "{n}天没人回复，客服真是“优秀”",
            "一个充电器卖{amt}？太离谱了",
            "机器人客服只会发FAQ链接，我要人工",
            "说好24小时内回电，已经{n}天了",
        ],
        "praise": [
            "感谢客服，五分钟就帮我解决了{p}的问题",
            "{p}真的好用，续航超长",
            "换新的{p}两天就到了，点赞",
            "{city}门店服务很好，谢谢",
            "{p}用了一年一点问题都没有",
            "退款很快就到了，谢谢！",
        ],
        "question": [
            "{p}支持USB-C快充吗？",
            "可以寄到香港吗？",
            "{p}怎么同时连接两台设备？",
            "黑五价格门店也适用吗？",
            "网上买的可以去门店退货吗？",
            "{p}和{p2}有什么区别？",
        ],
        "other": [
            "抽奖！关注转发送{p}",
            "哈哈哈今天小编好可爱",
            "早上好",
            "在家轻松月入过万，私信我",
            "沙发！",
            "有人凌晨三点还在刷吗",
        ],
    },
    "fi": {
        "defect": [
            "mun {p} ei lataa enää, vaihdoin jo johdon",
            "acmen sovellus kaatuu aina kun avaan tilaukset",
            "en pääse kirjautumaan, tulee vaan 'tapahtui virhe'",
            "päivityksen jälkeen {p} käynnistyy itsestään uudelleen",
            "näyttö vilkkuu ja laite on vasta {n} päivää vanha",
            "vahvistuskoodi ei tule ikinä, en pääse tilille",
        ],
        "order": [
            "missä mun tilaus {order} on? seuranta ei ole päivittynyt {n} päivään",
            "tilasin {p}:n ja tuli ihan väärä tuote. tilaus {order}",
            "odotan yhä hyvitystä tilauksesta {order}, jo {n} päivää",
            "peruin tilauksen {order} mutta veloititte silti",
            "minulta veloitettiin {amt} kahdesti",
            "paketti näkyy toimitettuna mutta mitään ei tullut. {order}",
        ],
        "complaint": [
            "{m} minuuttia jonossa ja sitten puhelu katkesi",
            "myymälän myyjä oli tosi töykeä kun kysyin palautuksesta",
            "loistavaa asiakaspalvelua, {n} päivää ilman vastausta",
            "{amt} laturista? ihan oikeesti?",
            "chatbot ohjaa vain UKK-sivulle, haluan puhua ihmisen kanssa",
            "luvattiin soittaa 24 tunnin sisällä, nyt on mennyt {n} päivää",
        ],
        "praise": [
            "kiitos tuelle, {p}-ongelma ratkesi viidessä minuutissa",
            "{p} on tosi hyvä, akku kestää ikuisuuden",
            "vaihtolaite tuli kahdessa päivässä, hienoa",
            "vuosi käytössä eikä yhtään ongelmaa",
            "hyvitys tuli tilille nopeasti, kiitos!",
            "myymälässä sain tosi hyvää palvelua",
        ],
        "question": [
            "tukeeko {p} USB-C-pikalatausta?",
            "toimitatteko Ahvenanmaalle?",
            "miten yhdistän {p}:n kahteen laitteeseen yhtä aikaa?",
            "onko black friday -hinta voimassa myös myymälässä?",
            "voiko netistä ostetun tuotteen palauttaa myymälään?",
            "mikä ero on mallien {p} ja {p2} välillä?",
        ],
        "other": [
            "arvonta!! seuraa ja voita {p}",
            "hyvää huomenta kaikille",
            "tienaa 300€ päivässä kotoa, laita yv",
            "eka!",
            "kuka muu katsoo tätä kolmelta yöllä",
            "hahah kuka teidän somea tänään pyörittää",
        ],
    },
    "el": {
        "defect": [
            "το {p} μου σταμάτησε να φορτίζει μετά από {n} μέρες, άλλαξα και καλώδιο",
            "η εφαρμογή της acme κρασάρει κάθε φορά που ανοίγω τις παραγγελίες",
            "δεν μπορώ να συνδεθώ, βγάζει συνέχεια 'παρουσιάστηκε σφάλμα'",
            "μετά την ενημέρωση το {p} κάνει επανεκκίνηση μόνο του",
            "η οθόνη του {p} τρεμοπαίζει, είναι καινούργιο",
            "δεν έρχεται ποτέ ο κωδικός επιβεβαίωσης, δεν μπαίνω στον λογαριασμό μου",
        ],
        "order": [
            "πού είναι η παραγγελία μου {order}; το tracking έχει κολλήσει {n} μέρες",
            "παρήγγειλα {p} και ήρθε άλλο προϊόν. παραγγελία {order}",
            "ακόμα περιμένω την επιστροφή χρημάτων για {order}, {n} μέρες τώρα",
            "ακύρωσα την παραγγελία {order} και με χρεώσατε κανονικά",
            "με χρεώσατε {amt} δύο φορές",
            "λέει παραδόθηκε αλλά δεν ήρθε τίποτα. {order}",
        ],
        "complaint": [
            "{m} λεπτά αναμονή στο τηλέφωνο και μετά έκλεισε η γραμμή",
            "ο υπάλληλος στο κατάστημα ήταν πολύ αγενής",
            "μπράβο εξυπηρέτηση, {n} μέρες χωρίς απάντηση",
            "{amt} για έναν φορτιστή; σοβαρά;",
            "το chatbot με στέλνει μόνο στις συχνές ερωτήσεις, θέλω άνθρωπο",
            "μου υποσχέθηκαν τηλέφωνο σε 24 ώρες, πέρασαν {n} μέρες",
        ],
        "praise": [
            "ευχαριστώ την υποστήριξη, μου έλυσαν το θέμα με το {p} σε 5 λεπτά",
            "το {p} είναι τέλειο, η μπαταρία κρατάει πολύ",
            "το καινούργιο {p} ήρθε σε 2 μέρες, μπράβο",
            "ένα χρόνο με το {p} και κανένα πρόβλημα",
            "η επιστροφή χρημάτων ήρθε γρήγορα, ευχαριστώ!",
            "πολύ καλή εξυπηρέτηση στο κατάστημα στο Σύνταγμα",
        ],
        "question": [
            "το {p} υποστηρίζει γρήγορη φόρτιση usb-c;",
            "στέλνετε και στην Κύπρο;",
            "πώς συνδέω το {p} σε δύο συσκευές ταυτόχρονα;",
            "η τιμή black friday ισχύει και στα καταστήματα;",
            "μπορώ να επιστρέψω στο κατάστημα κάτι που αγόρασα online;",
            "ποια η διαφορά του {p} από το {p2};",
        ],
        "other": [
            "διαγωνισμός!! κάνε follow και κέρδισε ένα {p}",
            "καλημέρα σε όλους",
            "κέρδισε 300€ τη μέρα από το σπίτι, στείλε μου μήνυμα",
            "πρώτος!",
            "ποιος άλλος το βλέπει αυτό στις 3 το πρωί",
            "χαχαχα ποιος τρέχει τον λογαριασμό σήμερα",
        ],
    },
}

# Openers and closers per language and mood; "" means none.
OPENERS: dict[str, dict[str, list[str]]] = {
    "en": {
        "neg": [
            "ugh.",
            "hey,",
            "seriously,",
            "ok so",
            "not happy.",
            "PSA:",
            "so...",
            "honestly",
            "hello?",
            "day {n} of this:",
            "come on,",
        ],
        "pos": ["just wanted to say", "ok", "honestly", "wow,", "not gonna lie,"],
        "neu": ["hi!", "quick question:", "hey", "hello,", "hi there,"],
    },
    "es": {
        "neg": ["a ver,", "hola,", "en serio,", "otra vez:", "vamos a ver..."],
        "pos": ["solo quería decir que", "oye,", "la verdad,"],
        "neu": ["hola!", "pregunta:", "buenas,"],
    },
    "de": {
        "neg": ["Hallo?", "ernsthaft,", "also...", "mal ehrlich:", "hey,"],
        "pos": ["muss mal gesagt werden:", "ehrlich,", "wow,"],
        "neu": ["Hallo,", "kurze Frage:", "hi,"],
    },
    "fr": {
        "neg": ["bonjour,", "sérieusement,", "alors...", "encore une fois,", "allô ?"],
        "pos": ["juste pour dire que", "franchement,", "waouh,"],
        "neu": ["bonjour,", "petite question :", "salut,"],
    },
    "pt": {
        "neg": ["oi,", "sério,", "gente,", "pela terceira vez:", "olha,"],
        "pos": ["só passando pra dizer que", "gente,", "sinceramente,"],
        "neu": ["oi!", "dúvida:", "olá,"],
    },
    "ja": {
        "neg": ["すみません、", "ちょっと", "あの、", "【至急】"],
        "pos": ["", "いやー", "ほんとに"],
        "neu": ["質問です。", "すみません、", "こんにちは。"],
    },
    "zh": {
        "neg": ["请问", "无语了，", "客服在吗？", "又来了，"],
        "pos": ["必须夸一下，", "说真的，"],
        "neu": ["请问一下，", "你好，", "问个问题："],
    },
    "fi": {
        "neg": ["moi,", "ihan oikeesti,", "no niin,", "hei,"],
        "pos": ["pakko sanoa että", "hei,"],
        "neu": ["moi!", "kysymys:", "hei,"],
    },
    "el": {
        "neg": ["καλησπέρα,", "σοβαρά τώρα,", "ρε παιδιά,", "γεια σας,"],
        "pos": ["ήθελα να πω ότι", "ρε παιδιά,"],
        "neu": ["γεια!", "ερώτηση:", "καλημέρα,"],
    },
}
CLOSERS: dict[str, dict[str, list[str]]] = {
    "en": {
        "neg": [
            "pls fix",
            "#acmefail",
            "😤",
            "🙄",
            "🤬",
            "thanks for nothing",
            "any help??",
            "#customerservice",
            "!!",
            "sort it out",
            "😡😡",
            "#fail",
            "#neveragain",
            "smh",
            "🙃",
            "not impressed",
        ],
        "pos": ["❤️", "🙌", "#happycustomer", "thanks!!", "👏", "🔥🔥", "💯", "#acme"],
        "neu": ["thanks", "🙏", "ty", "thx in advance", "??", "#BlackFriday", "🤔"],
    },
    "es": {
        "neg": [
            "#fatal",
            "😤",
            "🙄",
            "solucionadlo ya",
            "gracias por nada",
            "#atencionalcliente",
            "😡",
            "!!",
        ],
        "pos": ["❤️", "🙌", "gracias!!", "👏", "#top"],
        "neu": ["gracias", "🙏", "un saludo", "??"],
    },
    "de": {
        "neg": [
            "#fail",
            "😤",
            "🙄",
            "echt jetzt",
            "#Kundenservice",
            "😡",
            "!!",
            "sehr ärgerlich",
        ],
        "pos": ["❤️", "🙌", "danke!!", "👏", "weiter so"],
        "neu": ["danke", "🙏", "LG", "vielen Dank vorab"],
    },
    "fr": {
        "neg": [
            "#SAV",
            "😤",
            "🙄",
            "merci pour rien",
            "#fail",
            "😡",
            "!!",
            "inadmissible",
        ],
        "pos": ["❤️", "🙌", "merci !!", "👏", "au top"],
        "neu": ["merci", "🙏", "bonne journée", "??"],
    },
    "pt": {
        "neg": [
            "#fail",
            "😤",
            "🙄",
            "resolvam isso",
            "palhaçada",
            "😡",
            "!!",
            "#reclameaqui",
        ],
        "pos": ["❤️", "🙌", "valeu!!", "👏", "amei"],
        "neu": ["obrigado", "🙏", "valeu", "??"],
    },
    "ja": {
        "neg": ["😤", "🙄", "早く対応してください", "(´・ω・｀)", "💢", "もう無理"],
        "pos": ["❤️", "🙌", "ありがとう！", "✨", "神対応"],
        "neu": ["よろしくお願いします", "🙏", "教えてください"],
    },
    "zh": {
        "neg": ["😤", "🙄", "请尽快处理", "无语", "😡", "！！！"],
        "pos": ["❤️", "🙌", "谢谢！", "👍", "好评"],
        "neu": ["谢谢", "🙏", "求解答"],
    },
    "fi": {
        "neg": ["😤", "🙄", "korjatkaa tämä", "#fail", "!!", "ei kiva"],
        "pos": ["❤️", "🙌", "kiitos!!", "👏"],
        "neu": ["kiitos", "🙏", "kiitos jo etukäteen"],
    },
    "el": {
        "neg": ["😤", "🙄", "λυπηρό", "#fail", "!!", "απαράδεκτο"],
        "pos": ["❤️", "🙌", "ευχαριστώ!!", "👏"],
        "neu": ["ευχαριστώ", "🙏", "ευχαριστώ εκ των προτέρων"],
    },
}

# Follow-up messages inside a conversation.
FOLLOWUPS: dict[str, dict[str, list[str]]] = {
    "en": {
        "detail": [
            "update: still the same this morning",
            "also tried a factory reset. nothing changed",
            "pic of the issue: {url}",
            "this is the second time btw",
            "it was a birthday present so kind of urgent",
            "support ticket {case} if that helps",
            "and no, turning it off and on again didn't work",
            "bought it at the {city} store if that matters",
            "just checked again, still nothing",
        ],
        "nudge": [
            "hello?? anyone there",
            "still waiting...",
            "{h}h and no reply",
            "bump",
            "any update on this?",
            "?",
            "helloooo",
        ],
        "metoo": [
            "same here!! my {p} did exactly this last week",
            "omg same",
            "happening to me too, glad it's not just me",
            "+1, no reply for days either",
            "this is why I returned mine",
            "same issue here, following",
        ],
        "thanks": [
            "thanks, that worked!",
            "ok got it, thank you",
            "cheers",
            "appreciate the quick reply",
        ],
        "to_dm": ["sent you a DM", "ok check your DMs", "dm'd you the details"],
        "again": [
            "aaand it's happening again",
            "nope, broken again this morning",
            "refund still not here, why is this marked as closed?",
            "the issue is back",
        ],
        "q_more": [
            "also does it come with a charger in the box?",
            "and is there a warranty extension?",
            "nvm found it, thanks",
            "asking because my current one is dying lol",
        ],
        "agree": [
            "same, mine's been great too",
            "agreed! best purchase this year",
            "100%",
            "can confirm",
        ],
        "peer_answer": [
            "yep it does, had mine for months",
            "I think only the newer model does",
            "check their faq, it's in there",
            "asked the same last week, they said yes",
        ],
        "banter": ["lol", "reported", "this is a bot", "😂😂", "nobody asked"],
    },
    "es": {
        "detail": [
            "sigue igual esta mañana",
            "ya lo he reseteado de fábrica y nada",
            "foto: {url}",
            "es la segunda vez que pasa",
            "era un regalo, me corre prisa",
        ],
        "nudge": [
            "hola?? hay alguien",
            "sigo esperando...",
            "{h}h sin respuesta",
            "alguna novedad?",
        ],
        "metoo": [
            "a mí me pasa lo mismo con el {p}",
            "igual aquí",
            "+1, llevo días sin respuesta",
        ],
        "thanks": [
            "gracias, ya funciona!",
            "vale, gracias",
            "genial, gracias por la rapidez",
        ],
        "to_dm": ["os escribo por privado", "mirad el MD"],
        "again": [
            "y otra vez igual",
            "el reembolso sigue sin llegar, por qué lo cerráis?",
        ],
        "q_more": ["y trae cargador en la caja?", "vale, lo encontré, gracias"],
        "agree": ["totalmente de acuerdo", "el mío también va genial"],
        "peer_answer": [
            "sí, yo lo tengo y va perfecto",
            "creo que solo el modelo nuevo",
        ],
        "banter": ["jajaja", "spam", "bot"],
    },
    "de": {
        "detail": [
            "heute morgen immer noch dasselbe",
            "Werksreset schon gemacht, bringt nichts",
            "Foto: {url}",
            "ist schon das zweite Mal",
            "war ein Geschenk, also eilt",
        ],
        "nudge": [
            "Hallo?? Jemand da?",
            "warte immer noch...",
            "{h} Std. und keine Antwort",
            "gibt's was Neues?",
        ],
        "metoo": [
            "bei mir genau das gleiche mit dem {p}",
            "same hier",
            "+1, auch seit Tagen keine Antwort",
        ],
        "thanks": [
            "danke, jetzt geht's!",
            "ok, danke euch",
            "top, danke für die schnelle Antwort",
        ],
        "to_dm": ["hab euch eine DM geschickt", "DM ist raus"],
        "again": [
            "und jetzt wieder dasselbe",
            "Erstattung immer noch nicht da, warum ist das geschlossen?",
        ],
        "q_more": ["und ist ein Ladegerät dabei?", "hat sich erledigt, danke"],
        "agree": ["kann ich bestätigen", "meiner läuft auch super"],
        "peer_answer": [
            "ja, hab den seit Monaten, geht",
            "nur das neue Modell glaub ich",
        ],
        "banter": ["lol", "Spam", "Bot"],
    },
    "fr": {
        "detail": [
            "toujours pareil ce matin",
            "réinitialisé, rien n'y fait",
            "photo : {url}",
            "c'est la deuxième fois",
            "c'était un cadeau, c'est urgent",
        ],
        "nudge": [
            "allô ?? il y a quelqu'un",
            "toujours en attente...",
            "{h}h sans réponse",
            "des nouvelles ?",
        ],
        "metoo": [
            "pareil pour moi avec le {p}",
            "idem ici",
            "+1, pas de réponse depuis des jours",
        ],
        "thanks": ["merci, ça marche !", "ok merci", "merci pour la réponse rapide"],
        "to_dm": ["je vous écris en MP", "MP envoyé"],
        "again": [
            "et ça recommence",
            "toujours pas remboursé, pourquoi c'est clôturé ?",
        ],
        "q_more": [
            "et il y a un chargeur dans la boîte ?",
            "c'est bon j'ai trouvé, merci",
        ],
        "agree": ["tout à fait d'accord", "le mien marche nickel aussi"],
        "peer_answer": [
            "oui je l'ai, ça marche très bien",
            "je crois que c'est que le nouveau modèle",
        ],
        "banter": ["mdr", "spam", "c'est un bot"],
    },
    "pt": {
        "detail": [
            "continua igual hoje de manhã",
            "já resetei e nada",
            "foto: {url}",
            "é a segunda vez que acontece",
            "era presente, tô com pressa",
        ],
        "nudge": [
            "oi?? alguém aí",
            "ainda esperando...",
            "{h}h sem resposta",
            "alguma novidade?",
        ],
        "metoo": [
            "comigo também com o {p}",
            "mesma coisa aqui",
            "+1, dias sem resposta",
        ],
        "thanks": [
            "valeu, funcionou!",
            "ok, obrigado",
            "obrigado pela resposta rápida",
        ],
        "to_dm": ["mandei DM", "chamei vocês no direct"],
        "again": [
            "e voltou a acontecer",
            "reembolso ainda não caiu, por que fecharam?",
        ],
        "q_more": ["e vem carregador na caixa?", "achei aqui, valeu"],
        "agree": ["concordo demais", "o meu também é ótimo"],
        "peer_answer": ["tem sim, uso o meu faz meses", "acho que só o modelo novo"],
        "banter": ["kkkkkk", "spam", "é bot"],
    },
    "ja": {
        "detail": [
            "今朝も同じ状態です",
            "初期化もしたけど変わらず",
            "写真→{url}",
            "これで2回目です",
        ],
        "nudge": ["返信まだですか？", "まだ待ってます…", "{h}時間返信なし"],
        "metoo": ["うちの{p}も同じ症状", "同じく", "自分もです、返信来ない"],
        "thanks": ["直りました、ありがとうございます！", "了解です、ありがとう"],
        "to_dm": ["DM送りました"],
        "again": ["また同じ症状が出た", "返金まだなのになんでクローズ？"],
        "q_more": ["充電器は付属してますか？", "自己解決しました"],
        "agree": ["わかる", "うちのも快適"],
        "peer_answer": ["対応してますよ、使ってます", "新型だけだったはず"],
        "banter": ["草", "スパム", "bot乙"],
    },
    "zh": {
        "detail": [
            "今天早上还是一样",
            "恢复出厂设置也没用",
            "图：{url}",
            "这已经是第二次了",
        ],
        "nudge": ["有人吗？？", "还在等…", "{h}小时没回复"],
        "metoo": ["我的{p}也是这样", "同样的问题", "+1，几天没人理"],
        "thanks": ["好了，谢谢！", "收到，谢谢"],
        "to_dm": ["已私信", "私信你们了"],
        "again": ["又出现了", "退款还没到，为什么关单了？"],
        "q_more": ["盒子里有充电器吗？", "找到了，谢谢"],
        "agree": ["同意", "我的也很好用"],
        "peer_answer": ["支持的，我一直在用", "好像只有新款支持"],
        "banter": ["哈哈哈", "广告", "机器人吧"],
    },
    "fi": {
        "detail": [
            "sama tilanne vielä aamulla",
            "tehdasasetuksetkin palautettu, ei auta",
            "kuva: {url}",
        ],
        "nudge": ["haloo?? onko ketään", "odotan vieläkin...", "{h}h eikä vastausta"],
        "metoo": ["mulla ihan sama juttu", "sama täällä", "+1, ei vastausta päiviin"],
        "thanks": ["kiitos, nyt toimii!", "ok kiitos"],
        "to_dm": ["laitoin yv:n"],
        "again": [
            "ja taas sama",
            "hyvitys ei vieläkään tullut, miksi tämä on suljettu?",
        ],
        "q_more": ["tuleeko laturi mukana?", "löysin jo, kiitos"],
        "agree": ["samaa mieltä", "mullakin toimii hyvin"],
        "peer_answer": [
            "tukee, mulla on ollut kuukausia",
            "taitaa olla vain uudessa mallissa",
        ],
        "banter": ["hah", "roskapostia", "botti"],
    },
    "el": {
        "detail": [
            "το ίδιο και σήμερα το πρωί",
            "έκανα και επαναφορά, τίποτα",
            "φωτό: {url}",
        ],
        "nudge": ["υπάρχει κανείς;;", "ακόμα περιμένω...", "{h} ώρες χωρίς απάντηση"],
        "metoo": ["και σε μένα το ίδιο", "ίδιο πρόβλημα εδώ", "+1, καμία απάντηση"],
        "thanks": ["ευχαριστώ, δούλεψε!", "οκ, ευχαριστώ"],
        "to_dm": ["σας έστειλα μήνυμα"],
        "again": ["και πάλι τα ίδια", "τα χρήματα δεν ήρθαν ακόμα, γιατί έκλεισε;"],
        "q_more": ["έχει και φορτιστή στο κουτί;", "το βρήκα, ευχαριστώ"],
        "agree": ["συμφωνώ", "και το δικό μου είναι τέλειο"],
        "peer_answer": ["ναι, το έχω μήνες", "νομίζω μόνο το καινούργιο μοντέλο"],
        "banter": ["χαχα", "spam", "bot"],
    },
}

# English fragments that bilingual customers drop into other languages, and
# the other way round.
CODE_SWITCH: dict[str, dict[str, list[str]]] = {
    "en": {
        "neg": ["qué desastre", "sérieusement", "nein nein nein"],
        "pos": ["gracias", "merci", "danke"],
        "neu": ["gracias", "merci"],
    },
    "es": {"neg": ["so frustrating", "wtf", "please", "customer service de risa"]},
    "de": {"neg": ["epic fail", "seriously?", "sorry aber", "customer care my ass"]},
    "fr": {"neg": ["what the hell", "customer service zéro", "please"]},
    "pt": {"neg": ["sorry mas", "please", "wtf"]},
    "ja": {"neg": ["customer serviceどうなってるの", "please"]},
    "zh": {"neg": ["so bad", "please"]},
    "fi": {"neg": ["seriously", "wtf", "please"]},
    "el": {"neg": ["seriously", "customer service μηδέν", "please"]},
}
CODE_SWITCH_DEFAULT = {
    "pos": ["thanks!!", "love it", "thank u"],
    "neu": ["thx", "please"],
}

LOWER_P = {
    "en": 0.30,
    "es": 0.2,
    "de": 0.2,
    "fr": 0.2,
    "pt": 0.25,
    "fi": 0.15,
    "el": 0.15,
    "ja": 0.0,
    "zh": 0.0,
}

# --------------------------------------------------------------------------
# Personal data sentences (must move to a private channel).
# --------------------------------------------------------------------------

PII_TYPES_BY_LANG = {
    "en": [
        "card",
        "card",
        "iban",
        "email",
        "email",
        "phone",
        "phone",
        "address",
        "hacked",
        "hacked",
    ],
    "es": ["card", "iban", "iban", "email", "phone", "address", "hacked"],
    "de": ["card", "iban", "iban", "email", "phone", "address", "hacked"],
    "fr": ["card", "iban", "iban", "email", "phone", "address", "hacked"],
    "pt": ["card", "iban", "email", "phone", "address", "hacked"],
    "ja": ["card", "email", "phone", "address", "hacked"],
    "zh": ["card", "email", "phone", "address", "hacked"],
    "fi": ["card", "iban", "email", "phone", "hacked"],
    "el": ["card", "iban", "email", "phone", "hacked"],
}
PII_TEXTS: dict[str, dict[str, list[str]]] = {
    "en": {
        "card": [
            "they charged my card {card} twice",
            "card used was {card}, exp 08/28 if that helps",
            "just refund it to {card} please",
            "the payment was on {card}",
        ],
        "iban": [
            "refund to my bank account instead: {iban}",
            "my IBAN is {iban}, just send it there",
        ],
        "email": [
            "my email is {email}, contact me there",
            "account email: {email}",
            "write to me at {email} pls",
        ],
        "phone": [
            "call me on {phone}",
            "my number is {phone}, I'm free after 5",
            "text me: {phone}",
        ],
        "address": [
            "order {order} was supposed to go to {addr}",
            "ship the replacement to {addr}",
            "I'm at {addr}, nobody rang the bell",
        ],
        "hacked": [
            "my account was hacked, someone changed the email and ordered a {p} with my saved card",
            "think my acme account got hacked?? there's an order for a {p} I never made",
            "HELP my account was hacked and the password doesn't work anymore",
            "someone hacked my account and changed the delivery address on my order {order}",
        ],
    },
    "es": {
        "card": [
            "me cobraron dos veces en la tarjeta {card}",
            "devolvedlo a la tarjeta {card} por favor",
        ],
        "iban": [
            "mi IBAN es {iban}, hacedme la transferencia ahí",
            "devolución a esta cuenta: {iban}",
        ],
        "email": ["mi correo es {email}", "escribidme a {email}"],
        "phone": ["llamadme al {phone}", "mi móvil es {phone}"],
        "address": [
            "el pedido {order} tenía que llegar a {addr}",
            "mi dirección es {addr}, nadie llamó",
        ],
        "hacked": [
            "me han hackeado la cuenta, alguien cambió el correo y pidió un {p}",
            "creo que me han hackeado la cuenta, hay un pedido que yo no hice",
        ],
    },
    "de": {
        "card": [
            "die Karte {card} wurde doppelt belastet",
            "bitte auf die Karte {card} zurückbuchen",
        ],
        "iban": [
            "meine IBAN ist {iban}, bitte dahin erstatten",
            "Erstattung bitte auf {iban}",
        ],
        "email": ["meine Mail ist {email}", "schreibt mir an {email}"],
        "phone": ["ruft mich an: {phone}", "meine Nummer ist {phone}"],
        "address": [
            "Bestellung {order} sollte an {addr} gehen",
            "Lieferadresse ist {addr}, keiner hat geklingelt",
        ],
        "hacked": [
            "mein Konto wurde gehackt, jemand hat die Mailadresse geändert und einen {p} bestellt",
            "glaube mein Account wurde gehackt, da ist eine Bestellung die ich nie gemacht hab",
        ],
    },
    "fr": {
        "card": [
            "ma carte {card} a été débitée deux fois",
            "remboursez sur la carte {card} svp",
        ],
        "iban": [
            "mon IBAN c'est {iban}, remboursez là-dessus",
            "virement sur {iban} svp",
        ],
        "email": ["mon mail c'est {email}", "écrivez-moi à {email}"],
        "phone": ["appelez-moi au {phone}", "mon numéro : {phone}"],
        "address": [
            "la commande {order} devait arriver au {addr}",
            "j'habite {addr}, personne n'a sonné",
        ],
        "hacked": [
            "mon compte a été piraté, quelqu'un a changé l'email et commandé un {p}",
            "je crois que mon compte acme a été piraté, il y a une commande que j'ai jamais passée",
        ],
    },
    "pt": {
        "card": [
            "cobraram duas vezes no cartão {card}",
            "estorna no cartão {card} por favor",
        ],
        "iban": ["meu IBAN é {iban}, podem devolver aí"],
        "email": ["meu email é {email}", "me manda email: {email}"],
        "phone": ["me liga no {phone}", "meu zap é {phone}"],
        "address": [
            "o pedido {order} era pra chegar na {addr}",
            "moro na {addr}, ninguém tocou a campainha",
        ],
        "hacked": [
            "hackearam minha conta, mudaram o email e compraram um {p}",
            "acho que minha conta foi hackeada, tem um pedido que eu não fiz",
        ],
    },
    "ja": {
        "card": [
            "カード{card}で二重に引き落とされてます",
            "返金はカード{card}にお願いします",
        ],
        "email": ["メールアドレスは{email}です", "{email}に連絡ください"],
        "phone": ["電話番号は{phone}です", "{phone}に電話ください"],
        "address": [
            "注文{order}の届け先は{addr}です",
            "住所は{addr}です、誰も来てません",
        ],
        "hacked": [
            "アカウントが乗っ取られました。メールアドレスを変えられて{p}を注文されてる",
            "不正ログインされたかも。身に覚えのない注文があります",
        ],
    },
    "zh": {
        "card": ["我的卡{card}被扣了两次", "退款请退到{card}这张卡"],
        "email": ["我的邮箱是{email}", "请发邮件到{email}"],
        "phone": ["我电话是{phone}", "打我电话{phone}"],
        "address": ["订单{order}的地址是{addr}", "我家地址{addr}，根本没人来"],
        "hacked": [
            "我的账号被盗了，邮箱被改了还下了一个{p}的单",
            "账号好像被黑了，有个不是我下的订单",
        ],
    },
    "fi": {
        "card": [
            "kortilta {card} veloitettiin kahdesti",
            "palauttakaa rahat kortille {card}",
        ],
        "iban": ["tilinumero on {iban}, laittakaa hyvitys sinne"],
        "email": ["sähköpostini on {email}", "laittakaa viestiä {email}"],
        "phone": ["soittakaa numeroon {phone}", "numero on {phone}"],
        "hacked": [
            "mun tili hakkeroitiin, joku vaihtoi sähköpostin ja tilasi {p}:n",
            "tilille on kirjauduttu ulkopuolisen toimesta, siellä on tilaus jota en tehnyt",
        ],
    },
    "el": {
        "card": [
            "η κάρτα {card} χρεώθηκε δύο φορές",
            "επιστροφή στην κάρτα {card} παρακαλώ",
        ],
        "iban": ["το IBAN μου είναι {iban}"],
        "email": ["το email μου είναι {email}", "στείλτε μου στο {email}"],
        "phone": ["πάρτε με στο {phone}", "το κινητό μου είναι {phone}"],
        "hacked": [
            "μου χάκαραν τον λογαριασμό, άλλαξαν το email και παρήγγειλαν ένα {p}",
            "νομίζω ότι μου χάκαραν τον λογαριασμό, υπάρχει παραγγελία που δεν έκανα",
        ],
    },
}
IBAN_COUNTRIES = {
    "es": ["ES"],
    "de": ["DE"],
    "fr": ["FR"],
    "pt": ["PT"],
    "fi": ["FI"],
    "el": ["GR"],
    "en": ["DE", "ES", "FR"],
}

# --------------------------------------------------------------------------
# Agents
# --------------------------------------------------------------------------

AGENTS = [
    ("RP", ("en", "es")),
    ("MK", ("en", "de")),
    ("JL", ("en", "fr")),
    ("AS", ("en", "pt", "es")),
    ("TN", ("en", "ja")),
    ("DW", ("en",)),
]
AGENT_TEXTS: dict[str, dict[str, list[str]]] = {
    "en": {
        "neg_dm": [
            "Hi {name}, thanks for reaching out and sorry about this. Could you share your order number? {sig}",
            "Hi {name}, sorry for the trouble — I'm on it. Which email is on your account? {sig}",
            "Hey {name}, thanks for the message. Let me look into this for you {sig}",
        ],
        "neg": [
            "Hi {name}, sorry about that — checking now {sig}",
            "Hey {name}, really sorry to hear this. Can you DM us your order number? {sig}",
            "Thanks for flagging this, {name}. We're looking into it right away {sig}",
            "Hi {name}, that's not the experience we want for you. Let me take a look {sig}",
            "Hi {name}, so sorry for the wait. We've sent you a DM so we can sort this out {sig}",
        ],
        "pos": [
            "Thank you {name}, that made our day! {sig}",
            "So glad to hear it, {name} 💙 {sig}",
            "Love this, {name}! Thanks for sharing {sig}",
        ],
        "neu": [
            "Hi {name}, happy to help! Sending you the details in a sec {sig}",
            "Hi {name}, good question — you'll find it all at acme.com/help, and we're here if not {sig}",
            "Hey {name}, let us check that for you {sig}",
        ],
        "pii": [
            "Hi {name}, please delete that post to protect your data — we've sent you a DM {sig}",
            "{name}, for your security please remove the details you posted. We'll continue in DM {sig}",
        ],
        "reply": [
            "Thanks {name}, got it — passing this to the right team now {sig}",
            "Thanks for the details, {name}. Bear with us while we check {sig}",
            "Noted, {name}. We'll update you here as soon as we hear back {sig}",
        ],
        "reply_order": [
            "Thanks {name}, got it. Escalating to our logistics team now {sig}",
            "Refund issued — it should show in 3–5 business days {sig}",
            "Found it, {name}: the parcel is at the depot and goes out again tomorrow {sig}",
        ],
        "reply_defect": [
            "Just checked: a replacement is on its way, {name} {sig}",
            "Thanks {name}, could you try updating the app and let us know? {sig}",
            "We've reset your login, {name}. Can you try again? {sig}",
        ],
    },
    "es": {
        "neg_dm": [
            "Hola {name}, gracias por escribirnos. ¿Nos pasas tu número de pedido? {sig}",
            "Hola {name}, sentimos el problema, lo revisamos ahora {sig}",
        ],
        "neg": [
            "Hola {name}, sentimos las molestias, lo revisamos ahora mismo {sig}",
            "Hola {name}, ¿nos mandas un MD con tu número de pedido? {sig}",
            "Hola {name}, lo sentimos mucho. Te escribimos por privado {sig}",
        ],
        "pos": [
            "¡Gracias {name}, nos alegra mucho! {sig}",
            "¡Qué bien, {name}! Gracias por contarlo {sig}",
        ],
        "neu": [
            "¡Hola {name}! Lo miramos y te contamos enseguida {sig}",
            "Hola {name}, tienes toda la info en acme.com/ayuda {sig}",
        ],
        "pii": ["Hola {name}, por tu seguridad borra el mensaje, te escribimos por privado {sig}"],
        "reply": ["Gracias por los datos, {name}, seguimos revisándolo {sig}"],
        "reply_order": [
            "Gracias {name}, ya lo hemos pasado al equipo de envíos {sig}",
            "Reembolso tramitado, lo verás en 3-5 días hábiles {sig}",
            "Te enviamos un reemplazo hoy mismo, {name} {sig}",
        ],
    },
    "de": {
        "neg_dm": [
            "Hallo {name}, danke für deine Nachricht. Magst du uns die Bestellnummer schicken? {sig}",
            "Hi {name}, sorry für den Ärger, ich schau mir das gleich an {sig}",
        ],
        "neg": [
            "Hallo {name}, das tut uns leid – wir schauen sofort nach {sig}",
            "Hi {name}, schick uns bitte eine DM mit deiner Bestellnummer {sig}",
            "Hallo {name}, sorry für den Ärger. Wir melden uns per DM {sig}",
        ],
        "pos": [
            "Danke {name}, das freut uns riesig! {sig}",
            "Wie schön, {name}! Danke fürs Teilen {sig}",
        ],
        "neu": [
            "Hallo {name}, gute Frage – wir melden uns gleich mit Details {sig}",
            "Hi {name}, alle Infos findest du unter acme.com/hilfe {sig}",
        ],
        "pii": [
            "Hallo {name}, bitte lösch den Beitrag zum Schutz deiner Daten, wir haben dir eine DM geschickt {sig}"
        ],
        "reply": ["Danke für die Infos, {name}, wir bleiben dran {sig}"],
        "reply_order": [
            "Danke {name}, ist an unser Logistik-Team weitergeleitet {sig}",
            "Erstattung ist raus, dauert 3–5 Werktage {sig}",
            "Ersatzgerät geht heute raus, {name} {sig}",
        ],
    },
    "fr": {
        "neg_dm": [
            "Bonjour {name}, merci pour votre message. Pouvez-vous nous donner le numéro de commande ? {sig}",
            "Bonjour {name}, désolés pour ce souci, je regarde ça tout de suite {sig}",
        ],
        "neg": [
            "Bonjour {name}, désolés pour ce souci, on regarde tout de suite {sig}",
            "Bonjour {name}, pouvez-vous nous écrire en MP avec votre numéro de commande ? {sig}",
            "Bonjour {name}, toutes nos excuses. On vous écrit en privé {sig}",
        ],
        "pos": [
            "Merci {name}, ça nous fait super plaisir ! {sig}",
            "Génial {name}, merci pour le retour ! {sig}",
        ],
        "neu": [
            "Bonjour {name} ! On vérifie et on revient vers vous {sig}",
            "Bonjour {name}, tout est expliqué sur acme.com/aide {sig}",
        ],
        "pii": [
            "Bonjour {name}, pour votre sécurité supprimez ce message, on vous écrit en privé {sig}"
        ],
        "reply": ["Merci pour ces infos, {name}, on continue de regarder {sig}"],
        "reply_order": [
            "Merci {name}, c'est transmis au service logistique {sig}",
            "Remboursement effectué, comptez 3 à 5 jours ouvrés {sig}",
            "Un produit de remplacement part aujourd'hui, {name} {sig}",
        ],
    },
    "pt": {
        "neg_dm": [
            "Oi {name}, obrigado por chamar. Pode passar o número do pedido? {sig}",
            "Oi {name}, sentimos muito, já vou verificar {sig}",
        ],
        "neg": [
            "Oi {name}, sentimos muito, já estamos verificando {sig}",
            "Oi {name}, manda pra gente uma DM com o número do pedido? {sig}",
            "Oi {name}, desculpa pelo transtorno. Te chamamos no privado {sig}",
        ],
        "pos": [
            "Valeu {name}, ficamos muito felizes! {sig}",
            "Que bom, {name}! Obrigado por contar {sig}",
        ],
        "neu": [
            "Oi {name}! Vamos conferir e já te respondemos {sig}",
            "Oi {name}, tem tudo em acme.com/ajuda {sig}",
        ],
        "pii": ["Oi {name}, por segurança apaga esse post, te chamamos no privado {sig}"],
        "reply": ["Obrigado pelas informações, {name}, seguimos verificando {sig}"],
        "reply_order": [
            "Obrigado {name}, já encaminhamos pra equipe de logística {sig}",
            "Reembolso feito, cai em 3 a 5 dias úteis {sig}",
            "A troca sai hoje, {name} {sig}",
        ],
    },
    "ja": {
        "neg_dm": [
            "{name}様、ご連絡ありがとうございます。ご注文番号をお知らせいただけますか {sig}"
        ],
        "neg": [
            "{name}様、ご不便をおかけして申し訳ございません。すぐに確認いたします {sig}",
            "{name}様、お手数ですが注文番号をDMでお送りいただけますか {sig}",
        ],
        "pos": ["{name}様、温かいお言葉ありがとうございます！ {sig}"],
        "neu": ["{name}様、お問い合わせありがとうございます。確認してご連絡いたします {sig}"],
        "pii": [
            "{name}様、個人情報保護のため投稿の削除をお願いいたします。DMをお送りしました {sig}"
        ],
        "reply": ["{name}様、詳細をありがとうございます。引き続き確認いたします {sig}"],
        "reply_order": [
            "{name}様、配送チームに確認を依頼しました {sig}",
            "返金手続きが完了しました。3〜5営業日で反映されます {sig}",
        ],
    },
}

# --------------------------------------------------------------------------
# People
# --------------------------------------------------------------------------

# (native, latin) pairs
FIRST_NAMES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (n, n)
        for n in [
            "Emma",
            "Liam",
            "Olivia",
            "Noah",
            "Ava",
            "Jake",
            "Chloe",
            "Marcus",
            "Priya",
            "Tom",
            "Sophie",
            "Daniel",
            "Jess",
            "Ryan",
            "Hannah",
            "Omar",
            "Grace",
            "Kevin",
            "Megan",
            "Luke",
            "Aisha",
            "Connor",
            "Ana",
            "Dev",
        ]
    ],
    "es": [
        (n, n)
        for n in [
            "Lucía",
            "Javier",
            "Marta",
            "Sergio",
            "Carmen",
            "Pablo",
            "Elena",
            "Diego",
            "Laura",
            "Álvaro",
            "Nuria",
            "Andrés",
            "Irene",
            "Raúl",
        ]
    ],
    "de": [
        (n, n)
        for n in [
            "Lena",
            "Jonas",
            "Anna",
            "Felix",
            "Marie",
            "Lukas",
            "Tobias",
            "Katrin",
            "Jan",
            "Nina",
            "Stefan",
            "Jürgen",
            "Svenja",
        ]
    ],
    "fr": [
        (n, n)
        for n in [
            "Camille",
            "Julien",
            "Manon",
            "Thomas",
            "Léa",
            "Nicolas",
            "Chloé",
            "Antoine",
            "Sarah",
            "Mathieu",
            "Inès",
            "Hugo",
            "Océane",
        ]
    ],
    "pt": [
        (n, n)
        for n in [
            "João",
            "Ana",
            "Pedro",
            "Mariana",
            "Lucas",
            "Beatriz",
            "Rafael",
            "Juliana",
            "Gabriel",
            "Camila",
            "Tiago",
            "Larissa",
        ]
    ],
    "ja": [
        ("美咲", "misaki"),
        ("翔太", "shota"),
        ("陽菜", "hina"),
        ("大輔", "daisuke"),
        ("さくら", "sakura"),
        ("健太", "kenta"),
        ("結衣", "yui"),
        ("拓也", "takuya"),
        ("真央", "mao"),
        ("蓮", "ren"),
    ],
    "zh": [
        ("伟", "wei"),
        ("芳", "fang"),
        ("静", "jing"),
        ("磊", "lei"),
        ("婷", "ting"),
        ("浩然", "haoran"),
        ("子涵", "zihan"),
        ("雨桐", "yutong"),
        ("俊杰", "junjie"),
        ("欣怡", "xinyi"),
    ],
    "fi": [
        (n, n)
        for n in [
            "Aino",
            "Eetu",
            "Emilia",
            "Juho",
            "Sanna",
            "Mikko",
            "Veera",
            "Otto",
            "Päivi",
        ]
    ],
    "el": [
        ("Γιώργος", "Giorgos"),
        ("Μαρία", "Maria"),
        ("Νίκος", "Nikos"),
        ("Ελένη", "Eleni"),
        ("Κώστας", "Kostas"),
        ("Κατερίνα", "Katerina"),
        ("Δημήτρης", "Dimitris"),
        ("Σοφία", "Sofia"),
    ],
}
LAST_NAMES: dict[str, list[tuple[str, str]]] = {
    "en": [
        (n, n)
        for n in [
            "Walker",
            "Patel",
            "Hughes",
            "Nguyen",
            "Brooks",
            "Turner",
            "Reid",
            "Foster",
            "Kim",
            "Shaw",
            "Doyle",
            "Carter",
            "Okafor",
            "Bennett",
        ]
    ],
    "es": [
        (n, n)
        for n in [
            "García",
            "Fernández",
            "López",
            "Martín",
            "Sánchez",
            "Romero",
            "Navarro",
            "Torres",
            "Ruiz",
            "Gil",
        ]
    ],
    "de": [
        (n, n)
        for n in [
            "Müller",
            "Schmidt",
            "Weber",
            "Becker",
            "Hoffmann",
            "Schulz",
            "Koch",
            "Wagner",
            "Braun",
            "Krüger",
        ]
    ],
    "fr": [
        (n, n)
        for n in [
            "Martin",
            "Bernard",
            "Dubois",
            "Moreau",
            "Laurent",
            "Girard",
            "Roux",
            "Fournier",
            "Lefèvre",
            "Mercier",
        ]
    ],
    "pt": [
        (n, n)
        for n in [
            "Silva",
            "Santos",
            "Oliveira",
            "Souza",
            "Costa",
            "Pereira",
            "Almeida",
            "Ferreira",
            "Ribeiro",
            "Carvalho",
        ]
    ],
    "ja": [
        ("佐藤", "sato"),
        ("鈴木", "suzuki"),
        ("高橋", "takahashi"),
        ("田中", "tanaka"),
        ("伊藤", "ito"),
        ("渡辺", "watanabe"),
        ("山本", "yamamoto"),
        ("中村", "nakamura"),
    ],
    "zh": [
        ("王", "wang"),
        ("李", "li"),
        ("张", "zhang"),
        ("刘", "liu"),
        ("陈", "chen"),
        ("杨", "yang"),
        ("黄", "huang"),
        ("赵", "zhao"),
    ],
    "fi": [
        (n, n)
        for n in [
            "Virtanen",
            "Korhonen",
            "Mäkinen",
            "Nieminen",
            "Laine",
            "Heikkinen",
            "Koskinen",
            "Järvinen",
        ]
    ],
    # Genitive-form surnames are shared by men and women.
    "el": [
        ("Νικολάου", "Nikolaou"),
        ("Γεωργίου", "Georgiou"),
        ("Αντωνίου", "Antoniou"),
        ("Οικονόμου", "Oikonomou"),
        ("Δημητρίου", "Dimitriou"),
        ("Ιωάννου", "Ioannou"),
    ],
}
NICKNAMES = [
    "gadgetgirl",
    "techbro",
    "pixelpusher",
    "sleepy_owl",
    "notabot",
    "coffee_addict",
    "gamer4life",
    "moon_child",
    "retro_dad",
    "quietstorm",
]

CITIES = {
    "en": ["London", "Manchester", "Chicago", "Austin", "Dublin", "Leeds"],
    "es": ["Madrid", "Sevilla", "Valencia", "Bilbao", "Zaragoza"],
    "de": ["Berlin", "München", "Hamburg", "Köln", "Leipzig"],
    "fr": ["Paris", "Lyon", "Lille", "Bordeaux", "Nantes"],
    "pt": ["São Paulo", "Curitiba", "Recife", "Porto Alegre"],
    "ja": ["渋谷", "梅田", "名古屋", "博多"],
    "zh": ["上海", "北京", "深圳", "成都"],
    "fi": ["Helsinki", "Tampere"],
    "el": ["Αθήνα", "Θεσσαλονίκη"],
}
STREETS = {
    "en": [
        "{num} Maple Ave, Apt {apt}, Austin TX 787{zz}",
        "{num} Harcourt Road, Leeds LS6 {zz}Q",
        "{num} Elm Street, Springfield IL 627{zz}",
    ],
    "es": [
        "Calle de Alcalá {num}, {apt}ºB, 280{zz} Madrid",
        "Av. de la Constitución {num}, 410{zz} Sevilla",
    ],
    "de": ["Lindenstraße {num}, 109{zz} Berlin", "Schillerweg {num}, 041{zz} Leipzig"],
    "fr": [
        "{num} rue des Lilas, 690{zz} Lyon",
        "{num} avenue Jean Jaurès, 330{zz} Bordeaux",
    ],
    "pt": [
        "Rua das Flores {num}, apto {apt}, São Paulo - SP, 01310-1{zz}",
        "Av. Brasil {num}, Curitiba - PR, 80010-0{zz}",
    ],
    "ja": ["東京都世田谷区桜丘{apt}-{num}-7", "大阪府大阪市北区梅田{apt}-{num}-2"],
    "zh": [
        "上海市徐汇区漕溪北路{num}号{apt}楼",
        "北京市朝阳区建国路{num}号院{apt}号楼",
    ],
}
EMAIL_DOMAINS = {
    "en": ["gmail.com", "outlook.com", "yahoo.com", "icloud.com"],
    "es": ["gmail.com", "hotmail.es"],
    "de": ["web.de", "gmx.de", "gmail.com"],
    "fr": ["orange.fr", "free.fr", "gmail.com"],
    "pt": ["gmail.com", "uol.com.br"],
    "ja": ["docomo.ne.jp", "gmail.com"],
    "zh": ["qq.com", "163.com"],
    "fi": ["gmail.com", "luukku.com"],
    "el": ["gmail.com", "yahoo.gr"],
}
CURRENCY = {
    "en": ["${v}.99", "£{v}", "${v}"],
    "es": ["{v},99€", "{v}€"],
    "de": ["{v},99 €", "{v} EUR"],
    "fr": ["{v},99 €", "{v}€"],
    "pt": ["R$ {v}0,00", "R$ {v}9,90"],
    "ja": ["{v}00円", "¥{v}80"],
    "zh": ["{v}9元", "¥{v}9"],
    "fi": ["{v},90 €", "{v}€"],
    "el": ["{v},99€", "{v}€"],
}

B64URL = string.ascii_letters + string.digits + "-_"
ALNUM = string.ascii_letters + string.digits


# --------------------------------------------------------------------------
# Check digits
# --------------------------------------------------------------------------


def luhn_check_digit(partial: str) -> str:
    """Return the Luhn check digit to append to ``partial``."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def iban_check_digits(country: str, bban: str) -> str:
    """ISO 13616 mod-97 check digits for ``country`` + ``bban``."""
    rearranged = bban + country + "00"
    number = "".join(str(int(c, 36)) for c in rearranged)
    return f"{98 - int(number) % 97:02d}"


def _es_ccc_digit(digits: str) -> int:
    weights = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6]
    value = 11 - sum(int(d) * w for d, w in zip(digits, weights)) % 11
    return 0 if value == 11 else 1 if value == 10 else value


# --------------------------------------------------------------------------
# Generator
# --------------------------------------------------------------------------


@dataclass
class Author:
    id: str
    handle: str
    name: str
    followers_count: int
    verified: bool
    greet_native: str
    greet_latin: str
    lang: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "handle": self.handle,
            "name": self.name,
            "followers_count": self.followers_count,
            "verified": self.verified,
        }


@dataclass
class Message:
    at: float
    created: datetime
    kind: str
    message_id: str
    parent_id: str | None
    author: Author
    text: str
    by_customer: bool  # written by the conversation's original customer
    public: bool
    rating: int | None = None
    pii: bool = False
    lang_hint: bool = True


@dataclass
class Thread:
    index: int
    platform: str
    lang: str
    intent: str
    root_kind: str
    brand: str
    customer: Author
    created: datetime
    multi: bool
    thread_id: str = ""
    parent_ref: str | None = None  # brand post a top-level comment hangs under
    messages: list[Message] = field(default_factory=list)
    fr_at: float | None = None
    resolved_at: float | None = None
    agent: str = ""


class StreamBuilder:
    """Builds the stream from a seed and a profile."""

    def __init__(self, profile: Profile, seed: int) -> None:
        self.p = profile
        self.rng = random.Random(seed)
        self.used_ids: dict[str, set[str]] = {}
        self.seen_texts: set[str] = set()
        self.authors: dict[tuple[str, str], list[Author]] = {}
        self.brand_ids: dict[tuple[str, str], str] = {}
        self.brand_posts: dict[tuple[str, str], list[str]] = {}
        self.threads: list[Thread] = []

    # -- small helpers ----------------------------------------------------

    def wchoice(self, weights: Mapping[str, float]) -> str:
        keys = list(weights)
        return self.rng.choices(keys, weights=[weights[k] for k in keys])[0]

    def digits(self, n: int, first_nonzero: bool = True) -> str:
        first = str(self.rng.randint(1, 9)) if first_nonzero else str(self.rng.randint(0, 9))
        return first + "".join(str(self.rng.randint(0, 9)) for _ in range(n - 1))

    def any_digits(self, n: int) -> str:
        return self.digits(n, first_nonzero=False)

    def chars(self, alphabet: str, n: int) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))

    def unique(self, platform: str, make: Callable[[], str]) -> str:
        used = self.used_ids.setdefault(platform, set())
        while True:
            candidate = make()
            if candidate not in used:
                used.add(candidate)
                return candidate

    # -- ids ---------------------------------------------------------------

    def snowflake(self, created: datetime) -> str:
        ms = int(created.timestamp() * 1000) + self.rng.randint(0, 999)
        return str(((ms - 1288834974657) << 22) | self.rng.getrandbits(22))

    def new_message_id(
        self, platform: str, kind: str, created: datetime, parent_root: str | None
    ) -> str:
        rng = self.rng
        if platform == "x":
            return self.unique("x", lambda: self.snowflake(created))
        if platform == "facebook":
            if kind == "dm":
                return self.unique("facebook", lambda: "m_" + self.chars(B64URL, 38))
            if kind == "post":
                page = self.brand_ids[("facebook", "page")]
                return self.unique("facebook", lambda: f"{page}_{self.digits(16)}")
            # comments and replies: "<post suffix>_<comment id>"
            assert parent_root is not None
            prefix = parent_root.split("_")[-1]
            return self.unique("facebook", lambda: f"{prefix}_{self.digits(rng.choice([15, 16]))}")
        if platform == "instagram":
            return self.unique(
                "instagram",
                lambda: "17" + self.digits(rng.choice([15, 16]), first_nonzero=False),
            )
        if platform == "youtube":
            if kind == "reply" and parent_root is not None:
                return self.unique(
                    "youtube",
                    lambda: f"{parent_root}.{rng.choice('9A')}{self.chars(B64URL, 21)}",
                )
            return self.unique(
                "youtube",
                lambda: "Ug" + rng.choice("wxyz") + self.chars(B64URL, 20) + "4AaABAg",
            )
        if platform == "trustpilot":
            return self.unique("trustpilot", lambda: self.chars("0123456789abcdef", 24))
        if platform == "google_reviews":
            return self.unique(
                "google_reviews",
                lambda: "ChZDSUhNMG9nS0VJQ0FnSUQ" + self.chars(ALNUM, 14) + "EAE",
            )
        raise ValueError(platform)

    def dm_thread_id(self, platform: str, author: Author, brand: str) -> str:
        if platform == "x":
            brand_id = self.brand_ids[("x", brand)]
            low, high = sorted([int(author.id), int(brand_id)])
            return self.unique("x-conv", lambda: f"{low}-{high}")
        if platform == "facebook":
            return self.unique("facebook-conv", lambda: "t_" + self.digits(16))
        return self.unique(
            "instagram-conv",
            lambda: "340282366841710" + self.digits(24, first_nonzero=False),
        )

    def setup_brand(self) -> None:
        """Brand account ids and a handful of brand posts/videos per platform."""
        for handle in sorted(set(BRANDS_X.values()) | {"@acme"}):
            self.brand_ids[("x", handle)] = self.digits(19)
        self.brand_ids[("facebook", "page")] = self.digits(15)
        page = self.brand_ids[("facebook", "page")]
        self.brand_posts[("facebook", "")] = [
            self.unique("facebook", lambda: f"{page}_{self.digits(16)}") for _ in range(5)
        ]
        self.brand_posts[("instagram", "")] = [
            self.unique("instagram", lambda: "17" + self.digits(16, first_nonzero=False))
            for _ in range(5)
        ]
        self.brand_posts[("youtube", "")] = [self.chars(B64URL, 11) for _ in range(4)]

    # -- people ------------------------------------------------------------

    def platform_user_id(self, platform: str) -> str:
        rng = self.rng
        if platform == "x":
            return self.digits(rng.choice([9, 10, 18, 19, 19]))
        if platform == "facebook":
            return self.digits(16)
        if platform == "instagram":
            return "178414" + self.digits(11, first_nonzero=False)
        if platform == "youtube":
            return "UC" + self.chars(B64URL, 22)
        if platform == "trustpilot":
            return self.chars("0123456789abcdef", 24)
        return self.digits(21)

    def new_author(self, platform: str, lang: str) -> Author:
        rng = self.rng
        first, first_l = rng.choice(FIRST_NAMES[lang])
        last, last_l = rng.choice(LAST_NAMES[lang])
        fl = _ascii(first_l).lower()
        ll = _ascii(last_l).lower()
        style = rng.random()
        if style < 0.25:
            handle = f"{fl}{ll[:1]}{rng.randint(1, 99)}"
        elif style < 0.5:
            handle = f"{fl}_{ll}"
        elif style < 0.65:
            handle = f"{fl[:1]}{ll}{rng.randint(70, 99)}"
        elif style < 0.8:
            handle = f"{fl}.{ll}" if platform == "instagram" else f"{fl}{ll}"
        else:
            handle = (
                f"{rng.choice(NICKNAMES)}_{fl}"
                if rng.random() < 0.5
                else f"{rng.choice(NICKNAMES)}{rng.randint(1, 999)}"
            )
        if lang == "ja":
            if rng.random() < 0.7:
                name, greet_native = f"{last}{first}", last
            else:
                name, greet_native = f"{first_l}🌸", first
        elif lang == "zh":
            name = f"{last}{first}"
            greet_native = f"{last}{first}"
        else:
            r = rng.random()
            name = f"{first} {last}" if r < 0.6 else first if r < 0.8 else f"{first} {last[0]}."
            greet_native = first
        greet_latin = first_l.capitalize()
        if handle.startswith(tuple(NICKNAMES)) and rng.random() < 0.5:
            name = handle.replace("_", " ")
            greet_native = greet_latin = ""
        if platform in REVIEW_SITES:
            followers = rng.randint(0, 25)
        else:
            followers = int(min(rng.lognormvariate(5.0, 1.7), 2_500_000))
        verified = followers > 40_000 and rng.random() < 0.6
        return Author(
            id=self.platform_user_id(platform),
            handle="@" + handle,
            name=name,
            followers_count=followers,
            verified=verified,
            greet_native=greet_native,
            greet_latin=greet_latin,
            lang=lang,
        )

    def author_for(self, platform: str, lang: str, reuse: float = 0.1) -> Author:
        pool = self.authors.setdefault((platform, lang), [])
        if pool and self.rng.random() < reuse:
            return self.rng.choice(pool)
        author = self.new_author(platform, lang)
        pool.append(author)
        return author

    # -- slots and texts ------------------------------------------------------

    def slots(self, lang: str, platform: str) -> dict[str, str]:
        rng = self.rng
        p, p2 = rng.sample(PRODUCTS, 2)
        order_digits = self.digits(8)
        order = rng.choice(
            [
                f"AC{order_digits}",
                f"#AC{order_digits}",
                f"AC-{order_digits}",
                f"#{order_digits}",
                f"ac{order_digits}",
            ]
        )
        amt = rng.choice(CURRENCY[lang]).format(
            v=rng.choice([19, 29, 39, 49, 79, 89, 129, 149, 199, 249])
        )
        if platform == "x":
            url = "https://t.co/" + self.chars(ALNUM, 10)
        else:
            url = rng.choice(
                [
                    "https://imgur.com/a/",
                    "https://ibb.co/",
                    "https://photos.app.goo.gl/",
                ]
            ) + self.chars(ALNUM, 8)
        return {
            "p": p,
            "p2": p2,
            "order": order,
            "n": str(rng.randint(2, 16)),
            "m": str(rng.choice([25, 35, 40, 45, 52, 58, 65, 75, 90, 110])),
            "h": str(rng.randint(2, 48)),
            "amt": amt,
            "city": rng.choice(CITIES[lang]),
            "case": f"CR-{self.digits(6)}",
            "ver": f"4.{rng.randint(8, 14)}.{rng.randint(0, 5)}",
            "url": url,
        }

    def typo(self, text: str) -> str:
        words = text.split(" ")
        candidates = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 4]
        if not candidates:
            return text
        i = self.rng.choice(candidates)
        w = words[i]
        op = self.rng.randint(0, 2)
        j = self.rng.randint(1, len(w) - 2)
        if op == 0:
            w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
        elif op == 1:
            w = w[:j] + w[j + 1 :]
        else:
            w = w[:j] + w[j] + w[j:]
        words[i] = w
        return " ".join(words)

    def roughen(self, text: str, lang: str, mood: str, switch: bool = True) -> str:
        rng = self.rng
        if lang not in ("ja", "zh"):
            r = rng.random()
            if r < LOWER_P[lang]:
                text = text.lower()
            elif r < LOWER_P[lang] + 0.03 and mood == "neg" and len(text) < 90:
                text = text.upper()
            if rng.random() < 0.22:
                text = self.typo(text)
                if rng.random() < 0.3:
                    text = self.typo(text)
            if rng.random() < 0.1:
                text = text.rstrip(".!?") + rng.choice(["!!", "!!!", "??", "?!", "..."])
        else:
            if rng.random() < 0.15:
                text += rng.choice(["…", "！！", "。。。"])
        if switch and rng.random() < 0.06:
            options = CODE_SWITCH[lang].get(mood) or CODE_SWITCH_DEFAULT[mood]
            phrase = rng.choice(options)
            if lang in ("ja", "zh") or rng.random() < 0.7:
                text = f"{text} {phrase}"
            else:
                text = f"{phrase}, {text}"
        return text

    def compose(self, lang: str, intent: str, platform: str, kind: str) -> str:
        """Customer text for the first message of a conversation."""
        rng = self.rng
        mood = MOOD[intent]
        for _attempt in range(8):
            s = self.slots(lang, platform)
            pool = TEXTS[lang][intent]
            core = rng.choice(pool).format_map(s)
            if kind == "review" and rng.random() < 0.6:
                extra = rng.choice(TEXTS[lang][MOOD_REVIEW_EXTRA[intent]]).format_map(s)
                if extra != core:
                    core = f"{_sentence(core, lang)} {extra}"
            parts = []
            if intent != "other" and rng.random() < 0.35:
                parts.append(rng.choice(OPENERS[lang][mood]).format_map(s))
            parts.append(core)
            if intent != "other" and rng.random() < 0.5:
                closer = rng.choice(CLOSERS[lang][mood])
                if not (kind == "review" and closer.startswith("#")):
                    parts.append(closer)
            text = _join(parts, lang)
            text = self.roughen(text, lang, mood, switch=intent != "other")
            if kind != "review" and rng.random() < 0.06:
                text += (
                    f" {s['url']}"
                    if platform == "x"
                    else f" acme.com/{rng.choice(['help', 'returns', 'blackfriday'])}"
                )
            if text not in self.seen_texts:
                break
        self.seen_texts.add(text)
        return text

    def followup_text(
        self,
        lang: str,
        kind_of: str,
        platform: str,
        mood: str,
        avoid: set[str] | None = None,
    ) -> str:
        avoid = set() if avoid is None else avoid
        pool = [x for x in FOLLOWUPS[lang][kind_of] if x not in avoid] or FOLLOWUPS[lang][kind_of]
        for _attempt in range(6):
            s = self.slots(lang, platform)
            template = self.rng.choice(pool)
            text = self.roughen(template.format_map(s), lang, mood)
            if text not in self.seen_texts:
                break
        avoid.add(template)
        self.seen_texts.add(text)
        return text

    # -- personal data -----------------------------------------------------------

    def card_number(self) -> str:
        rng = self.rng
        kind = rng.choice(["visa", "visa", "mc", "mc2", "amex"])
        if kind == "visa":
            body = "4" + self.digits(14, first_nonzero=False)
        elif kind == "mc":
            body = f"5{rng.randint(1, 5)}" + self.digits(13, first_nonzero=False)
        elif kind == "mc2":
            body = str(rng.randint(2221, 2720)) + self.digits(11, first_nonzero=False)
        else:
            body = rng.choice(["34", "37"]) + self.digits(12, first_nonzero=False)
        number = body + luhn_check_digit(body)
        style = rng.random()
        if len(number) == 15:
            return f"{number[:4]} {number[4:10]} {number[10:]}" if style < 0.7 else number
        if style < 0.55:
            return " ".join(number[i : i + 4] for i in range(0, 16, 4))
        if style < 0.75:
            return "-".join(number[i : i + 4] for i in range(0, 16, 4))
        return number

    def iban(self, country: str) -> str:
        d = self.any_digits
        if country == "DE":
            bban = d(8) + d(10)
        elif country == "ES":
            bank, branch, account = d(4), d(4), d(10)
            bban = (
                bank
                + branch
                + f"{_es_ccc_digit('00' + bank + branch)}{_es_ccc_digit(account)}"
                + account
            )
        elif country == "FR":
            bank, branch, account = d(5), d(5), d(11)
            key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
            bban = bank + branch + account + f"{key:02d}"
        elif country == "PT":
            body = d(4) + d(4) + d(11)
            bban = body + f"{98 - int(body + '00') % 97:02d}"
        elif country == "FI":
            body = self.rng.choice(["100", "157", "500", "800"]) + d(10)
            bban = body + luhn_check_digit(body)
        elif country == "GR":
            bban = d(3) + d(4) + d(16)
        else:
            raise ValueError(country)
        iban = country + iban_check_digits(country, bban) + bban
        if self.rng.random() < 0.7:
            return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
        return iban

    def phone(self, lang: str) -> str:
        rng = self.rng
        d = self.any_digits
        if lang == "en":
            return rng.choice(
                [
                    f"+44 7{rng.choice('4789')}{d(2)} {d(6)}",
                    f"07{rng.choice('4789')}{d(2)} {d(6)}",
                    f"+1 202-555-01{d(2)}",
                    f"(202) 555-01{d(2)}",
                ]
            )
        if lang == "es":
            return rng.choice([f"+34 6{d(2)} {d(3)} {d(3)}", f"6{d(2)} {d(2)} {d(2)} {d(2)}"])
        if lang == "de":
            return rng.choice([f"0151 {d(8)}", f"+49 17{rng.randint(0, 9)} {d(7)}", f"0160/{d(7)}"])
        if lang == "fr":
            return rng.choice(
                [
                    f"06 {d(2)} {d(2)} {d(2)} {d(2)}",
                    f"+33 7 {rng.randint(3, 8)}{d(1)} {d(2)} {d(2)} {d(2)}",
                ]
            )
        if lang == "pt":
            return rng.choice(
                [
                    f"(11) 9{d(4)}-{d(4)}",
                    f"+55 21 9{d(4)}-{d(4)}",
                    f"+351 91{d(1)} {d(3)} {d(3)}",
                ]
            )
        if lang == "ja":
            return rng.choice(["090-", "080-"]) + f"{self.digits(4)}-{d(4)}"
        if lang == "zh":
            return rng.choice([f"138{d(8)}", f"139 {d(4)} {d(4)}"])
        if lang == "fi":
            return rng.choice([f"040 {d(3)} {d(4)}", f"+358 50 {d(3)} {d(4)}"])
        return rng.choice(
            [
                f"69{rng.randint(3, 9)} {d(3)} {d(4)}",
                f"+30 69{rng.randint(3, 9)} {d(7)}",
            ]
        )

    def email(self, author: Author) -> str:
        rng = self.rng
        base = _ascii(author.greet_latin or author.handle.lstrip("@")).lower() or "user"
        base = "".join(c for c in base if c.isalnum() or c in "._")
        suffix = rng.choice(
            [
                str(rng.randint(1, 99)),
                str(rng.randint(1970, 2004)),
                "." + self.chars(string.ascii_lowercase, 5),
            ]
        )
        return f"{base}{suffix}@{rng.choice(EMAIL_DOMAINS[author.lang])}"

    def address(self, lang: str) -> str:
        tpl = self.rng.choice(STREETS.get(lang, STREETS["en"]))
        return tpl.format(
            num=self.rng.randint(2, 180),
            apt=self.rng.randint(1, 9),
            zz=f"{self.rng.randint(0, 99):02d}",
        )

    def pii_sentence(self, lang: str, pii_type: str, author: Author) -> str:
        s = self.slots(lang, "x")
        s["card"] = self.card_number()
        s["iban"] = self.iban(self.rng.choice(IBAN_COUNTRIES.get(lang, ["DE"])))
        s["email"] = self.email(author)
        s["phone"] = self.phone(lang)
        s["addr"] = self.address(lang)
        return self.rng.choice(PII_TEXTS[lang][pii_type]).format_map(s)

    # -- timeline ------------------------------------------------------------------

    def wall_time(self, lang: str) -> datetime:
        rng = self.rng
        day = rng.choices(range(7), weights=[17, 17, 16, 16, 19, 8, 7])[0]
        if rng.random() < 0.72:
            hour = rng.randint(8, 17)
        else:
            hour = rng.choice([18, 19, 20, 21, 22, 23, 6, 7])
        local = STREAM_MONDAY + timedelta(
            days=day, hours=hour, minutes=rng.randint(0, 59), seconds=rng.randint(0, 59)
        )
        return local - timedelta(hours=TZ_OFFSET[lang])

    # -- building ------------------------------------------------------------------

    def make_threads(self) -> list[Thread]:
        rng = self.rng
        threads: list[Thread] = []
        for i in range(self.p.threads):
            lang = self.wchoice(LANG_WEIGHTS)
            platform = self.wchoice(PLATFORM_WEIGHTS)
            intent = self.wchoice(
                REVIEW_INTENT_WEIGHTS if platform in REVIEW_SITES else INTENT_WEIGHTS
            )
            root_kind = self.wchoice(ROOT_KINDS[platform])
            if root_kind == "dm" and intent == "other":
                intent = rng.choice(["question", "order"])
            if platform == "x":
                brand = BRANDS_X[lang] if rng.random() < 0.8 else "@acme"
            elif platform in ("facebook", "instagram"):
                brand = BRANDS_PAGE[lang]
            else:
                brand = "@acme"
            if platform in REVIEW_SITES or intent == "other":
                multi = False
            else:
                multi = rng.random() < (0.55 if root_kind == "dm" else 0.36)
            threads.append(
                Thread(
                    index=i,
                    platform=platform,
                    lang=lang,
                    intent=intent,
                    root_kind=root_kind,
                    brand=brand,
                    customer=self.author_for(
                        platform, lang, reuse=0.0 if root_kind == "dm" else 0.1
                    ),
                    created=self.wall_time(lang),
                    multi=multi,
                )
            )
        # The replay runs through the week in order: earliest posts first.
        threads.sort(key=lambda t: (t.created, t.index))
        starts = sorted(round(rng.uniform(0.2, self.p.root_span), 2) for _ in threads)
        for thread, at in zip(threads, starts):
            self.build_thread(thread, at)
        return threads

    def build_thread(self, t: Thread, at: float) -> None:
        rng = self.rng
        mood = MOOD[t.intent]
        kind = t.root_kind
        public = kind != "dm"
        if kind == "comment":
            t.parent_ref = rng.choice(self.brand_posts[(t.platform, "")])
        root_id = self.new_message_id(t.platform, kind, t.created, t.parent_ref)
        text = self.compose(t.lang, t.intent, t.platform, kind)
        if kind == "mention" and t.brand not in text:
            text = f"{t.brand} {text}" if rng.random() < 0.7 else f"{text} {t.brand}"
        elif kind == "post" and rng.random() < 0.3:
            text = f"{t.brand} {text}"
        if public and kind != "review" and rng.random() < 0.04:
            friend = self.author_for(t.platform, t.lang, reuse=0.0).handle
            text = f"{text} cc {friend}" if rng.random() < 0.5 else f"{friend} {text}"
        rating = None
        if kind == "review":
            rating = {
                "neg": rng.choices([1, 2, 3], weights=[60, 30, 10])[0],
                "pos": rng.choices([4, 5], weights=[30, 70])[0],
                "neu": rng.choice([3, 4]) if t.intent == "question" else rng.choice([1, 5]),
            }[mood]
        t.thread_id = (
            self.dm_thread_id(t.platform, t.customer, t.brand) if kind == "dm" else root_id
        )
        t.messages.append(
            Message(
                at=at,
                created=t.created,
                kind=kind,
                message_id=root_id,
                parent_id=t.parent_ref,
                author=t.customer,
                text=text,
                by_customer=True,
                public=public,
                rating=rating,
            )
        )
        if rng.random() < RESPOND_P[t.intent]:
            t.fr_at = round(at + rng.uniform(4.0, 10.0), 2)
            if t.fr_at > self.p.end:
                t.fr_at = None
        if not t.multi:
            return
        extra = (
            rng.choice([1, 1, 2, 2, 3, 4]) if kind == "dm" else rng.choice([1, 1, 1, 2, 2, 3, 4])
        )
        prev = t.messages[0]
        used: set[str] = set()
        thanked = False
        for _ in range(extra):
            if thanked:
                break
            gap = rng.uniform(2.5, 6.0) if kind == "dm" else rng.uniform(0.6, 3.2)
            next_at = round(prev.at + gap, 2)
            if next_at > self.p.end - 0.5:
                break
            created = prev.created + timedelta(
                seconds=rng.randint(25, 240) if kind == "dm" else rng.randint(60, 2400)
            )
            responded = t.fr_at is not None and next_at > t.fr_at
            author = t.customer
            if kind == "dm":
                if responded and rng.random() < 0.35:
                    kind_of = "thanks"
                elif mood == "neu":
                    kind_of = rng.choice(["q_more", "nudge"])
                else:
                    kind_of = rng.choice(["detail", "detail", "nudge"])
                msg_kind = "dm"
                parent = prev.message_id
            else:
                msg_kind = "reply"
                if mood == "neg":
                    kind_of = rng.choices(
                        ["detail", "nudge", "metoo", "thanks", "to_dm"],
                        weights=[
                            35,
                            20 if not responded else 5,
                            35,
                            10 if responded else 0,
                            10 if responded else 0,
                        ],
                    )[0]
                elif mood == "pos":
                    kind_of = "agree"
                else:
                    kind_of = rng.choice(["q_more", "nudge", "peer_answer", "peer_answer"])
                if kind_of in ("metoo", "agree", "peer_answer"):
                    author = self.author_for(t.platform, t.lang, reuse=0.05)
                    parent = root_id
                else:
                    parent = prev.message_id
            text = self.followup_text(t.lang, kind_of, t.platform, mood, used)
            thanked = kind_of == "thanks"
            if t.platform == "x" and msg_kind == "reply":
                handles = [t.brand] if author is t.customer else [t.customer.handle, t.brand]
                text = " ".join(handles) + " " + text
            mid = self.new_message_id(
                t.platform,
                msg_kind,
                created,
                t.thread_id if t.platform == "youtube" else root_id,
            )
            msg = Message(
                at=next_at,
                created=created,
                kind=msg_kind,
                message_id=mid,
                parent_id=parent,
                author=author,
                text=text,
                by_customer=author is t.customer,
                public=msg_kind != "dm",
            )
            t.messages.append(msg)
            prev = msg

    def add_pii(self, threads: list[Thread]) -> None:
        rng = self.rng
        public = [(t, m) for t in threads for m in t.messages if m.public]
        eligible = [
            (t, m)
            for t, m in public
            if m.kind in ("mention", "comment", "reply", "post")
            and m.by_customer
            and MOOD[t.intent] == "neg"
        ]
        target = round(0.08 * len(public))
        for t, m in rng.sample(eligible, min(target, len(eligible))):
            self.put_pii(t, m, root_ok=m is t.messages[0])
        dms = [
            (t, m)
            for t in threads
            for m in t.messages
            if m.kind == "dm" and m.by_customer and MOOD[t.intent] == "neg"
        ]
        for t, m in dms:
            if rng.random() < 0.25:
                self.put_pii(t, m, root_ok=False)

    def put_pii(self, t: Thread, m: Message, root_ok: bool) -> None:
        rng = self.rng
        types = PII_TYPES_BY_LANG[t.lang]
        if not root_ok:
            types = [x for x in types if x != "hacked"]
        pii_type = rng.choice(types)
        sentence = self.pii_sentence(t.lang, pii_type, t.customer)
        if pii_type == "hacked":
            text = sentence
            if m.kind == "mention":
                text = f"{t.brand} {text}"
            m.text = text
        else:
            base = m.text.rstrip()
            if not base[-1:].isalnum():
                sep = rng.choice([" ", " ", "\n"])
            elif t.lang in ("ja", "zh"):
                sep = rng.choice(["。", "。", " ", "\n"])
            else:
                sep = rng.choice([". ", ". ", ", ", " - ", "\n"])
            m.text = base + sep + sentence
        m.pii = True

    # -- agents ------------------------------------------------------------------

    def pick_agent(self, lang: str) -> str:
        speakers = [code for code, langs in AGENTS if lang in langs]
        if speakers and self.rng.random() < 0.75:
            return self.rng.choice(speakers)
        return self.rng.choice([code for code, _ in AGENTS])

    def agent_text(self, t: Thread, kind: str) -> str:
        langs = dict(AGENTS)[t.agent]
        lang = t.lang if t.lang in langs and t.lang in AGENT_TEXTS else "en"
        if lang == "en":
            name = t.customer.greet_latin if t.lang in ("ja", "zh") else t.customer.greet_native
        else:
            name = t.customer.greet_native
        if not name:
            name = t.customer.handle.lstrip("@")
        texts = (
            AGENT_TEXTS[lang].get(kind)
            or AGENT_TEXTS[lang]["reply" if kind.startswith("reply") else "neg"]
        )
        return self.rng.choice(texts).format(name=name, sig=f"^{t.agent}")

    def agent_actions(self, threads: list[Thread]) -> list[tuple[float, dict[str, Any]]]:
        rng = self.rng
        out: list[tuple[float, dict[str, Any]]] = []

        def act(t: Thread, at: float, action: str, text: str | None) -> None:
            out.append(
                (
                    at,
                    {
                        "type": "agent_action",
                        "at": at,
                        "platform": t.platform,
                        "thread_id": t.thread_id,
                        "action": action,
                        "agent": t.agent,
                        "text": text,
                    },
                )
            )

        for t in threads:
            if t.fr_at is None:
                continue
            t.agent = self.pick_agent(t.lang)
            if any(m.pii and m.public and m.at < t.fr_at for m in t.messages):
                kind = "pii"
            elif t.root_kind == "dm" and MOOD[t.intent] == "neg":
                kind = "neg_dm"
            else:
                kind = MOOD[t.intent]
            act(t, t.fr_at, "first_response", self.agent_text(t, kind))
            last_agent = t.fr_at
            for m in t.messages[1:]:
                if m.at <= t.fr_at or not m.by_customer:
                    continue
                pii_public = m.pii and m.public
                if pii_public or rng.random() < (0.85 if m.kind == "dm" else 0.5):
                    at = round(m.at + rng.uniform(2.0, 5.0), 2)
                    if last_agent < at <= self.p.end:
                        act(
                            t,
                            at,
                            "reply",
                            self.agent_text(t, "pii" if pii_public else "reply_" + t.intent),
                        )
                        last_agent = at
            if rng.random() < 0.62:  # some candidates don't fit the window, ~half end up resolved
                last_msg = t.messages[-1].at
                lo = max(t.fr_at + 6.0, last_msg + 1.5, last_agent + 1.0)
                hi = min(t.fr_at + 15.0, self.p.end)
                if lo <= hi:
                    t.resolved_at = round(rng.uniform(lo, hi), 2)
                    act(t, t.resolved_at, "resolve", None)
        return out

    def reopen(self, threads: list[Thread], actions: list[tuple[float, dict[str, Any]]]) -> None:
        rng = self.rng
        candidates = [
            t
            for t in threads
            if t.resolved_at is not None
            and t.root_kind != "review"
            and MOOD[t.intent] == "neg"
            and len(t.messages) < 5
            and t.resolved_at + 5.0 <= self.p.end
        ]
        for t in rng.sample(candidates, min(self.p.reopens, len(candidates))):
            assert t.resolved_at is not None
            prev = [m for m in t.messages if m.by_customer][-1]
            at = round(t.resolved_at + rng.uniform(0.8, 2.0), 2)
            created = t.messages[-1].created + timedelta(minutes=rng.randint(30, 600))
            kind = "dm" if t.root_kind == "dm" else "reply"
            text = self.followup_text(t.lang, "again", t.platform, "neg")
            if t.platform == "x" and kind == "reply":
                text = f"{t.brand} {text}"
            mid = self.new_message_id(
                t.platform,
                kind,
                created,
                t.thread_id if t.platform == "youtube" else t.messages[0].message_id,
            )
            t.messages.append(
                Message(
                    at=at,
                    created=created,
                    kind=kind,
                    message_id=mid,
                    parent_id=prev.message_id,
                    author=t.customer,
                    text=text,
                    by_customer=True,
                    public=kind != "dm",
                )
            )
            reopen_at = round(at + rng.uniform(1.5, 3.0), 2)
            actions.append(
                (
                    reopen_at,
                    {
                        "type": "agent_action",
                        "at": reopen_at,
                        "platform": t.platform,
                        "thread_id": t.thread_id,
                        "action": "reopen",
                        "agent": t.agent,
                        "text": None,
                    },
                )
            )

    # -- output --------------------------------------------------------------------

    def event_dict(self, t: Thread, m: Message) -> dict[str, Any]:
        ev: dict[str, Any] = {
            "platform": t.platform,
            "kind": m.kind,
            "message_id": m.message_id,
            "thread_id": t.thread_id,
            "parent_id": m.parent_id,
            "author": m.author.as_dict(),
            "brand_handle": t.brand,
            "text": m.text,
        }
        if m.lang_hint:
            ev["lang"] = t.lang
        ev["created_at"] = m.created.strftime("%Y-%m-%dT%H:%M:%SZ")
        if m.rating is not None:
            ev["rating"] = m.rating
        return ev

    def build(self) -> list[dict[str, Any]]:
        rng = self.rng
        self.setup_brand()
        threads = self.make_threads()
        self.threads = threads
        self.add_pii(threads)
        actions = self.agent_actions(threads)
        self.reopen(threads, actions)
        rows: list[tuple[float, int, int, dict[str, Any]]] = []
        seq = 0
        events: list[tuple[float, dict[str, Any]]] = []
        for t in threads:
            for m in t.messages:
                m.lang_hint = rng.random() >= 0.3
                ev = self.event_dict(t, m)
                events.append((m.at, ev))
        # Platform retries: the same event delivered again a few seconds later.
        dup_pool = [(at, ev) for at, ev in events if at <= self.p.end - 6.5]
        for at, ev in rng.sample(dup_pool, min(self.p.duplicates, len(dup_pool))):
            events.append((round(at + rng.uniform(1.5, 6.0), 2), ev))
        for at, ev in events:
            rows.append((at, 0, seq, {"type": "event", "at": at, "event": ev}))
            seq += 1
        for at, action in actions:
            rows.append((at, 1, seq, action))
            seq += 1
        rows.sort(key=lambda r: (r[0], r[1], r[2]))
        out = [r[3] for r in rows]
        return out[: self.p.max_lines] if self.p.max_lines else out

    def summary(self, rows: list[dict[str, Any]]) -> str:
        """Counts per language (including events without a hint), platform and kind."""
        lang_of = {(t.platform, t.thread_id): t.lang for t in self.threads}
        counts: dict[str, dict[str, int]] = {
            "lang": {},
            "platform": {},
            "kind": {},
            "action": {},
        }
        for row in rows:
            if row["type"] == "event":
                ev = row["event"]
                for key, value in (
                    ("lang", lang_of[(ev["platform"], ev["thread_id"])]),
                    ("platform", ev["platform"]),
                    ("kind", ev["kind"]),
                ):
                    counts[key][value] = counts[key].get(value, 0) + 1
            else:
                counts["action"][row["action"]] = counts["action"].get(row["action"], 0) + 1
        return "\n".join(
            f"  {key}: "
            + ", ".join(f"{k}={v}" for k, v in sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))
            for key, c in counts.items()
        )


MOOD_REVIEW_EXTRA = {
    "defect": "complaint",
    "order": "complaint",
    "complaint": "complaint",
    "praise": "praise",
    "question": "question",
    "other": "other",
}


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def _sentence(text: str, lang: str) -> str:
    if lang in ("ja", "zh"):
        return text if text[-1:] in "。！？!?…" else text + "。"
    return text if text[-1:] in ".!?" else text + "."


def _join(parts: list[str], lang: str) -> str:
    parts = [p for p in parts if p]
    if lang not in ("ja", "zh"):
        return " ".join(parts)
    text = parts[0]
    for part in parts[1:]:
        if text[-1:] in "、，。！？…：】" or unicodedata.category(part[0])[0] in "SP":
            text += part
        elif part[:1].isascii():
            text += " " + part
        else:
            text += ("。" if lang == "ja" else "，") + part
    return text


def render(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--small", action="store_true", help="write the ~50-event test sample instead"
    )
    parser.add_argument(
        "--out",
        type=Path,
        help="output path (default: the bundled file for the profile)",
    )
    parser.add_argument("--seed", type=int, help="override the profile's seed")
    args = parser.parse_args(argv)
    profile = PROFILES["small" if args.small else "full"]
    builder = StreamBuilder(profile, profile.seed if args.seed is None else args.seed)
    rows = builder.build()
    out: Path = args.out or profile.default_out
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(render(rows))
    n_events = sum(1 for r in rows if r["type"] == "event")
    print(
        f"wrote {out}: {n_events} events, {len(rows) - n_events} agent actions",
        file=sys.stderr,
    )
    print(builder.summary(rows), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
