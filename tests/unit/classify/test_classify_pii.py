"""PII detection: every type, validators, hard negatives, offsets and masking."""

from __future__ import annotations

import itertools
import re

import pytest

from carerouter.classify.domain import Classifier, PiiSpan, pii
from carerouter.classify.domain.pii import PiiFinding, detect_pii, resolve_overlaps

CLASSIFIER = Classifier()


def found(text: str, lang_hint: str | None = None) -> list[tuple[str, str]]:
    """(type, covered text) for each PII span the classifier reports."""
    result = CLASSIFIER.classify(text, lang_hint=lang_hint)
    return [(span.type, text[span.start : span.end]) for span in result.pii]


def types(text: str, lang_hint: str | None = None) -> set[str]:
    return {kind for kind, _ in found(text, lang_hint)}


class TestEmail:
    def test_plain_address(self) -> None:
        """A plain email address is detected with exact offsets."""
        assert found("email me at jane.doe+care@example.co.uk thanks") == [
            ("email", "jane.doe+care@example.co.uk")
        ]

    @pytest.mark.parametrize(
        ("text", "address"),
        [
            ("能把报价单发到我邮箱li.wei@qq.com吗？", "li.wei@qq.com"),
            ("配信停止したのにtanaka.yuki@gmail.com宛てにまだ届く", "tanaka.yuki@gmail.com"),
            ("διεύθυνση:maria.k@yahoo.gr,ευχαριστώ", "maria.k@yahoo.gr"),
        ],
    )
    def test_address_glued_to_other_scripts(self, text: str, address: str) -> None:
        """Only ASCII characters end an address: CJK or Greek text around it does not hide it."""
        assert ("email", address) in found(text)

    def test_handle_is_not_an_email(self) -> None:
        """An @handle alone is not an email address."""
        assert "email" not in types("thanks @AcmeSupport for the help")


class TestPhone:
    def test_international_mobile(self) -> None:
        """A number with a country code is valid whatever the post's language."""
        assert found("call me on +44 7911 123456 please") == [("phone", "+44 7911 123456")]

    def test_national_number_uses_language_regions(self) -> None:
        """National formats are validated for regions matching the language."""
        assert found("ruf mich an unter 0171 1234567 bitte", "de") == [("phone", "0171 1234567")]
        assert found("appelez-moi au 06 12 34 56 78 merci", "fr") == [("phone", "06 12 34 56 78")]

    def test_hotline_not_flagged_without_context(self) -> None:
        """Toll-free brand hotlines are not the customer's personal data."""
        assert found("call your hotline 1-800-356-9377 and nobody answers", "en") == []

    def test_hotline_flagged_with_personal_context(self) -> None:
        """A toll-free number introduced as the customer's own is flagged."""
        assert found("my number is 1-800-356-9377", "en") == [("phone", "1-800-356-9377")]

    def test_invalid_number_not_flagged(self) -> None:
        """Digit runs that are not valid numbers for the region are left alone."""
        assert "phone" not in types("reference 1234567 from yesterday", "en")


class TestCard:
    def test_luhn_valid_card(self) -> None:
        """A Luhn-valid card number in 4-digit groups is detected and sensitive."""
        result = CLASSIFIER.classify("card 4111 1111 1111 1111 please refund")
        assert [(s.type, s.start, s.end) for s in result.pii] == [("card", 5, 24)]
        assert result.sensitive
        assert "card number (Luhn-valid)" in result.sensitive_reasons

    @pytest.mark.parametrize(
        "number", ["4111111111111111", "4111-1111-1111-1111", "3782 822463 10005"]
    )
    def test_card_layouts(self, number: str) -> None:
        """Card numbers written unbroken, with dashes, or Amex-style are detected."""
        assert found(f"my card {number} was declined") == [("card", number)]

    def test_luhn_invalid_card_rejected(self) -> None:
        """A card-like number failing the Luhn check is not a card."""
        result = CLASSIFIER.classify("card 4111 1111 1111 1112 please refund")
        assert "card" not in {s.type for s in result.pii}
        assert not result.sensitive

    def test_repeated_digit_rejected(self) -> None:
        """All-zero (Luhn-valid) placeholders are not cards."""
        assert "card" not in types("card 0000 0000 0000 0000")


class TestIban:
    def test_valid_iban(self) -> None:
        """An IBAN with a valid ISO 7064 checksum is detected, grouped or compact."""
        assert found("IBAN DE89 3704 0044 0532 0130 00 please") == [
            ("iban", "DE89 3704 0044 0532 0130 00")
        ]
        assert found("pay to GB82WEST12345698765432 today") == [("iban", "GB82WEST12345698765432")]

    def test_bad_checksum_rejected(self) -> None:
        """An IBAN with a wrong checksum is not reported, nor are its digits as a card."""
        result = CLASSIFIER.classify("IBAN DE89 3704 0044 0532 0130 01 please")
        assert result.pii == ()
        assert not result.sensitive


class TestAccountId:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("my account number is 12345678 and it's locked", "12345678"),
            ("acct #99887766 was closed", "99887766"),
            ("Kundennummer: 4455667788", "4455667788"),
            ("número de cuenta 12345678", "12345678"),
        ],
    )
    def test_labelled_account_number(self, text: str, value: str) -> None:
        """A number after an account label is an account id."""
        assert found(text) == [("account_id", value)]

    @pytest.mark.parametrize(
        "text",
        [
            "card ending 4417 was charged",
            "card ending in 4417 was charged",
            "tarjeta terminada en 4417",
            "Karte endet auf 4417",
            "carte se terminant par 4417",
            "cartão com final 4417",
            "カード末尾4417",
            "尾号4417的卡",
        ],
    )
    def test_last_four_digits(self, text: str) -> None:
        """The words "ending (in) 4417" and translations mark an account's last digits."""
        assert found(text) == [("account_id", "4417")]

    def test_account_id_is_sensitive(self) -> None:
        """Account numbers make a post sensitive."""
        assert CLASSIFIER.classify("card ending in 4417").sensitive


class TestOrderId:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("order #A12345 missing", "A12345"),
            ("my order number is 987654321", "987654321"),
            ("tracking number 1Z999AA10123456784", "1Z999AA10123456784"),
            ("pedido 123456 no llegó", "123456"),
            ("Bestellung 12345678 fehlt", "12345678"),
            ("commande n°123456 pas reçue", "123456"),
            ("encomenda 765432 atrasada", "765432"),
            ("ordine 5566778 non arrivato", "5566778"),
            ("注文番号 123456 が届かない", "123456"),
            ("ご注文番号は123456です", "123456"),
            ("订单号 123456 没收到", "123456"),
            ("訂單號：123456", "123456"),
            ("tilausnumero 123456", "123456"),
            ("booking ref XK3PQZ", "XK3PQZ"),
            ("@united refund for my upgrade? conf # K7X2PQ", "K7X2PQ"),
            ("conf number is 4KQ9ZT", "4KQ9ZT"),
        ],
    )
    def test_number_next_to_order_words(self, text: str, value: str) -> None:
        """An id after order/booking/tracking words in many languages is an order id."""
        assert found(text) == [("order_id", value)]

    def test_order_id_is_sensitive(self) -> None:
        """An order reference tied to the person is personal data: masked and sensitive."""
        result = CLASSIFIER.classify("order #A12345 missing")
        assert result.pii and result.sensitive

    def test_conf_call_is_not_a_booking(self) -> None:
        assert "order_id" not in types("on a conf call all day, CANNOT hear anything")

    def test_year_after_order_word_is_not_an_id(self) -> None:
        """'order 2023' names a year, not an order."""
        assert "order_id" not in types("my order 2023 christmas gift")


class TestPassword:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("my password is hunter2!", "hunter2"),
            ("password: S3cr3t#pw", "S3cr3t#pw"),
            ("mi contraseña es perro123", "perro123"),
            ("mein Passwort ist Sommer2024", "Sommer2024"),
            ("パスワードはabc12345です", "abc12345"),
            ("密码是 qwerty99", "qwerty99"),
        ],
    )
    def test_disclosed_password(self, text: str, value: str) -> None:
        """A value after "my password is" (and translations) is a password."""
        assert found(text) == [("password", value)]

    @pytest.mark.parametrize(
        "text",
        [
            "how do I reset my password?",
            "my password is not working",
            "my password is wrong apparently",
            "I forgot my password",
        ],
    )
    def test_talking_about_passwords_is_not_disclosure(self, text: str) -> None:
        """Mentioning a password without giving one is not PII."""
        assert "password" not in types(text)


class TestNationalId:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("SSN 536-90-4399", "536-90-4399"),
            ("mi DNI es 12345678Z", "12345678Z"),
            ("HETU 131052-308T", "131052-308T"),
            ("codice fiscale RCCMNL83S18D969H", "RCCMNL83S18D969H"),
            ("CPF 390.533.447-05", "390.533.447-05"),
            ("passport number 123456789", "123456789"),
        ],
    )
    def test_checksummed_or_labelled(self, text: str, value: str) -> None:
        """National identity numbers are found by format plus checksum, or by label."""
        assert found(text) == [("national_id", value)]

    def test_bad_checksum_dni_rejected(self) -> None:
        """A DNI with the wrong control letter is not reported."""
        assert "national_id" not in types("code 12345678A")


class TestDateOfBirth:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("date of birth: 12/03/1985", "12/03/1985"),
            ("DOB 1985-03-12", "1985-03-12"),
            ("born on March 12, 1985", "March 12, 1985"),
            ("fecha de nacimiento 12/03/1985", "12/03/1985"),
            ("Geburtsdatum: 12.03.1985", "12.03.1985"),
            ("生年月日 1985年3月12日", "1985年3月12日"),
        ],
    )
    def test_labelled_date(self, text: str, value: str) -> None:
        """A date after a birth-date label is a date of birth."""
        assert found(text) == [("dob", value)]

    def test_other_dates_are_not_dob(self) -> None:
        """A delivery date is not a date of birth."""
        assert "dob" not in types("delivery expected 12/03/2025")


class TestAddress:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("send it to 221B Baker Street tomorrow", "221B Baker Street"),
            ("Lieferung an Hauptstraße 12 bitte", "Hauptstraße 12"),
            ("envíalo a Calle Mayor 5", "Calle Mayor 5"),
            ("livrez au 12 rue de la Paix svp", "12 rue de la Paix"),
            ("my address is 5 Elm Grove, Leeds LS1 4AP.", "5 Elm Grove, Leeds LS1 4AP"),
        ],
    )
    def test_street_address(self, text: str, value: str) -> None:
        """Street addresses and "my address is ..." values are detected."""
        assert found(text) == [("address", value)]


class TestHealth:
    def test_health_term_is_pii_and_sensitive(self) -> None:
        """A health condition is masked as [health] and makes the post sensitive."""
        text = "I have cancer and can't travel, please cancel my booking"
        result = CLASSIFIER.classify(text)
        assert [(s.type, text[s.start : s.end]) for s in result.pii] == [("health", "cancer")]
        assert result.sensitive
        assert "health information" in result.sensitive_reasons
        assert "[health]" in result.masked_text


class TestHardNegatives:
    @pytest.mark.parametrize(
        "text",
        [
            "flight LH123 was delayed again",
            "BA 287 to San Francisco cancelled",
            "paid $49.99 for this",
            "kostet 29,99 € im Angebot",
            "since 2023 nothing works",
            "firmware v2.3.1 broke my router",
            "my iPhone 15 keeps restarting",
            "how do I reset my password?",
            "room 1204, gate B22, seat 14C",
            "version 10.0.19045 build",
        ],
    )
    def test_no_pii(self, text: str) -> None:
        """Flight numbers, prices, years, model and firmware numbers are not PII."""
        result = CLASSIFIER.classify(text)
        assert result.pii == ()
        assert result.masked_text == text

    def test_urls_and_handles_yield_no_pii(self) -> None:
        """Numbers inside URLs and @handles are not reported."""
        text = "see https://twitter.com/x/status/4111111111111111 @user4111111111111111"
        assert CLASSIFIER.classify(text).pii == ()


class TestOffsetsAndMasking:
    TEXT = (
        "Hi 👋 @Acme, mi tarjeta 4111 1111 1111 1111 fue cobrada dos veces, pedido 123456. "
        "Escríbeme a ana.lopez@example.es o llámame al +34 612 345 678. IBAN "
        "ES91 2100 0418 4502 0005 1332"
    )

    def test_offsets_point_at_the_values(self) -> None:
        """Span offsets index the original text (emoji and accents included)."""
        result = CLASSIFIER.classify(self.TEXT)
        covered = {span.type: self.TEXT[span.start : span.end] for span in result.pii}
        assert covered == {
            "card": "4111 1111 1111 1111",
            "order_id": "123456",
            "email": "ana.lopez@example.es",
            "phone": "+34 612 345 678",
            "iban": "ES91 2100 0418 4502 0005 1332",
        }

    def test_spans_sorted_and_disjoint(self) -> None:
        """PII spans are sorted by start and do not overlap."""
        spans = CLASSIFIER.classify(self.TEXT).pii
        assert list(spans) == sorted(spans, key=lambda s: s.start)
        assert all(a.end <= b.start for a, b in itertools.pairwise(spans))

    def test_masking_leaves_no_pii_digits(self) -> None:
        """After masking, no digit of any detected value remains."""
        result = CLASSIFIER.classify(self.TEXT)
        assert re.search(r"\d", result.masked_text) is None
        assert "[card]" in result.masked_text
        assert "[email]" in result.masked_text
        assert "ana.lopez" not in result.masked_text

    def test_reasons_for_sensitive_types(self) -> None:
        """Every personal-data type found contributes its reason."""
        result = CLASSIFIER.classify(self.TEXT)
        assert result.sensitive
        assert "card number (Luhn-valid)" in result.sensitive_reasons
        assert "IBAN (checksum valid)" in result.sensitive_reasons
        assert any("mail" in reason for reason in result.sensitive_reasons)


class TestOverlapResolution:
    def test_higher_priority_wins(self) -> None:
        """Where spans overlap, the higher-priority type is kept."""
        card = PiiFinding(PiiSpan("card", 0, 19), "card number")
        phone = PiiFinding(PiiSpan("phone", 5, 14), "phone number")
        assert resolve_overlaps([phone, card]) == [card]

    def test_longer_span_wins_within_a_type(self) -> None:
        """Between overlapping spans of one type, the longer is kept."""
        short = PiiFinding(PiiSpan("address", 0, 10), "postal address")
        long = PiiFinding(PiiSpan("address", 0, 20), "postal address")
        assert resolve_overlaps([short, long]) == [long]

    def test_detect_pii_accepts_extra_findings(self) -> None:
        """Findings made elsewhere take part in resolution and come back sorted."""
        extra = PiiFinding(PiiSpan("health", 0, 6), "health information")
        text = "cancer; mail a@b.co"
        kinds = [f.span.type for f in detect_pii(text, "en", extra=[extra])]
        assert kinds == ["health", "email"]


def detected(detector: object, text: str, lang: str = "en") -> list[tuple[str, str]]:
    """(type, covered text) for each finding of one detector, before overlap resolution."""
    assert callable(detector)
    return [(f.span.type, text[f.span.start : f.span.end]) for f in detector(text, lang)]


class TestShapedPassword:
    def test_token_right_after_the_noun(self) -> None:
        """No verb needed when a letters-and-digits token follows the noun directly."""
        text = "user bob_k, password Quartz.4471, still says invalid"
        assert ("password", "Quartz.4471") in detected(pii.detect_passwords, text)

    def test_later_token_needs_a_cue(self) -> None:
        """A token further on counts after "is", "but", a colon...; bare, it does not."""
        cued = "the password keeps failing, and I typed it carefully: Maple_3390"
        bare = "the password keeps failing on the laptop I bought Maple_3390"
        assert ("password", "Maple_3390") in detected(pii.detect_passwords, cued)
        assert detected(pii.detect_passwords, bare) == []

    def test_search_stops_at_a_question_mark(self) -> None:
        """ "How do I reset my password?" ends the search: what follows is another matter."""
        text = "how do I reset my password? it's for the router Rt_55X21"
        assert detected(pii.detect_passwords, text) == []

    @pytest.mark.parametrize(
        "text",
        [
            "password: abc",  # too short
            "new password is fine but Android14 logs me out",  # a device
            "password expired before flight AY1337",  # a flight number
            "password reset broke after update v2.10.3b",  # a version
            "password reset for order AB12345 please",  # another label announces the value
            "password for user tom_2291 is not accepted",  # a user name
            "the password changed, promo code is SAVE2024",  # a voucher
        ],
    )
    def test_lookalikes_are_not_secrets(self, text: str) -> None:
        """Devices, flights, versions, references, user names and vouchers are not secrets."""
        assert detected(pii.detect_passwords, text) == []

    def test_ascii_secret_glued_to_cjk(self) -> None:
        """The secret ends where the Japanese sentence resumes."""
        text = "パスワードはneko2231なのに入れない"
        assert set(detected(pii.detect_passwords, text, "ja")) == {("password", "neko2231")}


class TestBrandLinesAndBarcodes:
    def test_number_named_as_service_line(self) -> None:
        """A geographic number after "customer service" is the brand's line."""
        assert detected(pii.detect_phones, "customer service 020 7946 0958 hangs up", "en") == []

    def test_number_asked_about_as_the_right_one(self) -> None:
        """ "Is 210 4400 550 the correct number ...?" asks about the brand's line."""
        text = "είναι το 210 4400 550 σωστό τηλέφωνο για βλάβες;"
        assert detected(pii.detect_phones, "is 020 7946 0958 the right number for faults?") == []
        assert detected(pii.detect_phones, text, "el") == []

    def test_personal_label_wins_over_service_words(self) -> None:
        """ "Call me on" makes the number the customer's even near service words."""
        text = "customer service, call me on 020 7946 0958"
        assert detected(pii.detect_phones, text) == [("phone", "020 7946 0958")]

    def test_ean13_run_is_a_barcode(self) -> None:
        """A check-digit-valid 13-digit run not starting with 0 is a barcode, not a phone."""
        assert detected(pii.detect_phones, "4006381333931 on the box", "de") == []
        assert pii._barcode("4006381333931", "4006381333931")
        assert not pii._barcode("4006381333932", "4006381333932")  # check digit wrong


class TestNewReferences:
    def test_shop_code_with_one_digit(self) -> None:
        """A long capitals code with a digit inside, right after an order label."""
        text = "Bestellung WC1VQTDJAX hängt"
        assert ("order_id", "WC1VQTDJAX") in detected(pii.detect_order_ids, text, "de")

    def test_shop_code_needs_the_label(self) -> None:
        """Without an order label the same code is not reported."""
        assert detected(pii.detect_order_ids, "WC1VQTDJAX hängt", "de") == []

    def test_letter_locator_near_booking_word(self) -> None:
        """Six capitals right after a booking word are a record locator."""
        text = "varaus BEPQKC, voiko vaihtaa?"
        assert ("order_id", "BEPQKC") in detected(pii.detect_order_ids, text, "fi")

    @pytest.mark.parametrize(
        "text",
        ["my booking PLEASE fix it", "BOOKING CANCELL AGAIN, WORST AIRLINE EVER"],
    )
    def test_shouted_words_are_not_locators(self, text: str) -> None:
        """Shouted words and posts in capitals do not yield letter-only locators."""
        assert detected(pii.detect_order_ids, text) == []

    def test_ups_code_with_few_digits(self) -> None:
        """A UPS "1Z" number is recognised even when it holds few digits."""
        text = "colis 1ZCEPQUHCVSHLEXSNL bloqué"
        assert set(detected(pii.detect_order_ids, text, "fr")) == {
            ("order_id", "1ZCEPQUHCVSHLEXSNL")
        }

    def test_case_file_label(self) -> None:
        """Case and claim files are references tied to the person."""
        text = "expediente SR55340350, sin noticias"
        assert ("order_id", "SR55340350") in detected(pii.detect_order_ids, text, "es")

    def test_last_digits_after_a_copula(self) -> None:
        """ "loppunumerot on 5513": a verb may sit between the label and the digits."""
        text = "kortti jonka loppunumerot on 5513"
        assert detected(pii.detect_account_ids, text, "fi") == [("account_id", "5513")]


@pytest.mark.parametrize(
    ("value", "valid"),
    [("A123456789", True), ("A123456788", False), ("A323456789", False), ("a123456789", True)],
)
def test_taiwan_id_checksum(value: str, valid: bool) -> None:
    """Taiwan IDs: letter code and digits weighted, sum divisible by ten."""
    assert pii.taiwan_id_valid(value) is valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [("A123456(3)", True), ("A123456(4)", False), ("A1234563", True), ("AB12345(6)", False)],
)
def test_hkid_checksum(value: str, valid: bool) -> None:
    """HKID: weighted sum of letters and digits, check digit 0-9 or A (mod 11)."""
    assert pii.hkid_valid(value) is valid


@pytest.mark.parametrize(
    "text",
    [
        "form example: A123456788 (not a real ID)",  # bad checksum, no label
        "身分證字號打錯了，正確是A123456788",  # labelled but checksum fails
        "AHV 756.1234.5678.90 steht auf der Karte?",  # AHV checksum fails
        "ΑΜΚΑ; στείλτε μου 15078500005",  # AMKA checksum fails
        "tracking 15078500004 for the parcel",  # a valid AMKA shape but no AMKA label
    ],
)
def test_national_id_checksums_reject(text: str) -> None:
    """National-ID formats without a valid check digit (or their label) are not ids."""
    assert "national_id" not in types(text)


@pytest.mark.parametrize(
    "text",
    [
        "my 4 digit PIN arrived by post 2 days later",
        "PIN pad shows error 5021 at the till",
        "contraseña de 8 caracteres, la app pide 12345678 caracteres",
        "the password reset link from 2023 expired",
    ],
)
def test_pin_rule_negatives(text: str) -> None:
    """Numbers near a PIN word that are counts, errors, lengths or years stay clean."""
    assert "password" not in types(text), found(text)


def test_dob_next_sentence_needs_birth_year() -> None:
    """A date in the sentence after "date of birth" counts only with a plausible birth year."""
    assert ("dob", "11/02/1979") in found("date of birth keeps failing. typed 11/02/1979 again")
    assert "dob" not in types("date of birth keeps failing. tried again on 11/02/2025")


class TestMembershipNumbers:
    @pytest.mark.parametrize(
        ("text", "value"),
        [
            ("my AAdvantage number is 7HG4512 and the miles never posted", "7HG4512"),
            ("@united MileagePlus # KX123456 still missing miles", "KX123456"),
            ("mi número de cliente 12345678 y nada", "12345678"),
            ("mi número de socio 1234567, me cobran doble", "1234567"),
            ("o meu número de cliente 12345678", "12345678"),
            ("mon numéro client 12345678, toujours pas remboursé", "12345678"),
            ("mein Kundenkonto 12345678 ist gesperrt", "12345678"),
        ],
    )
    def test_customer_and_loyalty_numbers(self, text: str, value: str) -> None:
        """A possessive phone label ("mi número") must not swallow "mi número de cliente"."""
        assert found(text) == [("account_id", value)]

    def test_possessive_phone_still_a_phone(self) -> None:
        assert types("mi número es 612345678, llamadme", "es") == {"phone"}

    def test_bag_tag(self) -> None:
        assert found("lost my bag, tag number BA123456, flight BA283") == [("order_id", "BA123456")]

    def test_programme_name_without_number(self) -> None:
        assert not found("miles and more never credited my flight LH400")
