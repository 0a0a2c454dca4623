"""Text preparation and the trie-regex phrase matcher."""

from __future__ import annotations

import pytest

from carerouter.classify.domain.matcher import PhraseMatcher
from carerouter.classify.domain.text import (
    decode_entities,
    fold,
    noise_spans,
    prepare,
    strip_noise,
)


def phrases(matcher: PhraseMatcher[str], text: str) -> list[str]:
    return [m.phrase for m in matcher.find(fold(text))]


class TestFold:
    def test_same_length(self) -> None:
        """Folding maps every character to exactly one character."""
        for text in ("Straße", "ﬁne", "Ｆｕｌｌ", "déçu ❤️", "ガッカリ", "İstanbul", "ΣΟΦΟΣ"):
            assert len(fold(text)) == len(text), text

    def test_accents_case_and_width(self) -> None:
        """Accents are stripped, case folded, full-width forms narrowed."""
        assert fold("Déçu ÉLAN Ｆｕｌｌ") == "decu elan full"

    def test_greek_accents_and_final_sigma(self) -> None:
        """Greek tonos is stripped and final sigma folds to sigma."""
        assert fold("Λειτουργεί ΚΑΛΌΣ") == "λειτουργει καλοσ"

    def test_japanese_voiced_kana_kept(self) -> None:
        """Dakuten survive folding (が stays が), and half-width kana widen."""
        assert fold("がっかり") == "がっかり"
        assert fold("ｶﾞ") == "カ" + fold("ﾞ")

    def test_typographic_apostrophe(self) -> None:
        """Curly apostrophes become straight ones."""
        assert fold("doesn’t") == "doesn't"


class TestPrepare:
    def test_urls_and_handles_are_blanked_in_place(self) -> None:
        """URLs and @handles become spaces; offsets of the rest are unchanged."""
        url = "https://x.co/refund"
        text = f"@Acme refund {url} now"
        prepared = prepare(text)
        assert prepared.folded == " " * 5 + " refund " + " " * len(url) + " now"
        start = prepared.folded.index("now")
        assert text[start : start + 3] == "now"

    def test_hashtag_mark_dropped(self) -> None:
        """'#fail' reads as ' fail'."""
        assert prepare("so #fail").folded == "so  fail"

    def test_camel_case_hashtag_split_and_mapped_back(self) -> None:
        """'#NeverAgain' is appended as 'never again' and maps back to the hashtag."""
        text = "done #NeverAgain ok"
        prepared = prepare(text)
        start = prepared.folded.index("never again")
        assert start > len(text)
        assert prepared.original_span(start, start + 11) == (5, 16)
        assert prepared.surface(start, start + 11) == "#neveragain"
        assert "never" not in prepared.folded[: len(text)]

    def test_noise_spans(self) -> None:
        """noise_spans lists URLs and handles, not emails."""
        text = "@Acme see www.example.com or mail a@b.co"
        assert [text[s:e] for s, e in noise_spans(text)] == ["@Acme", "www.example.com"]

    def test_strip_noise(self) -> None:
        """strip_noise removes URLs, handles and hashtag marks for language id."""
        assert strip_noise("@Acme #Hola https://x.co amigo").split() == ["Hola", "amigo"]


class TestPhraseMatcher:
    def test_whole_words_only(self) -> None:
        """Latin-script phrases match whole words, not inside other words."""
        matcher = PhraseMatcher([("bug", "x")])
        assert phrases(matcher, "a bug here") == ["bug"]
        assert phrases(matcher, "debugging") == []

    def test_wildcard_suffix(self) -> None:
        """A trailing * matches any continuation of the word."""
        matcher = PhraseMatcher([("refund*", "x")])
        assert phrases(matcher, "refunded refunds refund") == ["refund*"] * 3

    def test_longest_phrase_wins(self) -> None:
        """At one position the longest phrase is reported, once."""
        matcher = PhraseMatcher([("not", "a"), ("not working", "b"), ("working", "c")])
        found = matcher.find(fold("it is not working"))
        assert [(m.phrase, m.payloads) for m in found] == [("not working", ("b",))]

    def test_literal_beats_wildcard(self) -> None:
        """A longer literal phrase is preferred to a shorter wildcard one."""
        matcher = PhraseMatcher([("refund*", "a"), ("refund request", "b")])
        assert phrases(matcher, "my refund request") == ["refund request"]

    def test_optional_apostrophe(self) -> None:
        """Apostrophes in phrases are optional in the text."""
        matcher = PhraseMatcher([("can't log in", "x")])
        assert len(matcher.find(fold("I cant log in"))) == 1
        assert len(matcher.find(fold("I can’t   log in"))) == 1

    def test_cjk_matches_inside_text(self) -> None:
        """Phrases in scripts without spaces match anywhere."""
        matcher = PhraseMatcher([("届かない", "x"), ("注文", "y")])
        assert phrases(matcher, "注文した商品が届かない") == ["注文", "届かない"]

    def test_emoji_match(self) -> None:
        """Emoji phrases match with or without a variation selector."""
        matcher = PhraseMatcher([("❤", "x")])
        assert phrases(matcher, "love it ❤️❤") == ["❤", "❤"]

    def test_payloads_from_several_entries(self) -> None:
        """A phrase listed twice carries both payloads; spelling variants share one."""
        matcher = PhraseMatcher([("gift", "en"), ("Gift", "de"), ("dont", "x"), ("don't", "y")])
        assert matcher.find("gift")[0].payloads == ("en", "de")
        assert matcher.find("dont")[0].payloads == ("x", "y")

    def test_punctuation_inside_phrase(self) -> None:
        """Phrases with punctuation tolerate a missing space after it."""
        matcher = PhraseMatcher([("great, another", "x")])
        assert len(matcher.find(fold("great,another delay"))) == 1
        assert len(matcher.find(fold("great, another delay"))) == 1

    def test_empty_phrase_rejected(self) -> None:
        """An empty phrase is a configuration error."""
        with pytest.raises(ValueError, match="empty"):
            PhraseMatcher([("*", "x")])

    def test_no_phrases(self) -> None:
        """A matcher without phrases finds nothing."""
        assert PhraseMatcher[str]([]).find("anything") == []


class TestHtmlEntities:
    def test_decoded_in_place(self) -> None:
        raw = "can't log on &amp; check in &gt;:( &lt;3"
        decoded = decode_entities(raw)
        assert len(decoded) == len(raw)
        assert decoded.split() == ["can't", "log", "on", "&", "check", "in", ">:(", "<3"]

    def test_text_without_entities_is_unchanged(self) -> None:
        assert decode_entities("AT&T & co, #1") == "AT&T & co, #1"

    def test_spans_and_masked_text_refer_to_the_raw_post(self) -> None:
        from carerouter.classify.domain import Classifier

        raw = "&quot;help&quot; write me at jo@example.com &amp; thanks"
        result = Classifier(use_encoder=False).classify(raw)
        (span,) = result.pii
        assert raw[span.start : span.end] == "jo@example.com"
        assert result.masked_text.startswith("&quot;help&quot; write me at ")
        assert "jo@example.com" not in result.masked_text
