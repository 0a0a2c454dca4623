"""Proactive listening: names and aliases as whole words, case-insensitively, minus exclusions."""

from __future__ import annotations

import pytest
from channels_support import BRAND

from carerouter.ingest.channels import BrandConfig, mentions_brand


class TestMentionsBrand:
    @pytest.mark.parametrize(
        "text",
        [
            "Acme lost my parcel",
            "ACME lost my parcel",
            "why is acme's app down",
            "#Acme please answer",
            "loving my new acme   outfitters jacket",
            "thanks, Acme!",
            "Acme Road is closed, and acme still hasn't refunded me",
        ],
    )
    def test_names_the_brand(self, text: str) -> None:
        """Names and aliases count in any case, with punctuation, hashtags and spacing."""
        assert mentions_brand(text, BRAND)

    @pytest.mark.parametrize(
        "text",
        [
            "Acmeville looks lovely",
            "the acme_store bot",
            "stuck on Acme Road again",
            "ACME CORP shares fell",
            "nothing to see here",
            "",
        ],
    )
    def test_does_not_name_the_brand(self, text: str) -> None:
        """Longer words, underscores and excluded phrases do not count."""
        assert not mentions_brand(text, BRAND)

    def test_aliases_per_language(self) -> None:
        """A language's aliases apply to texts of that language (or of unknown language)."""
        brand = BrandConfig(names={"en": ("Acme",), "de": ("Akme",)})
        assert mentions_brand("Akme ist toll", brand, "de")
        assert mentions_brand("Akme ist toll", brand, "de-AT")
        assert mentions_brand("Akme ist toll", brand)
        assert mentions_brand("Akme ist toll", brand, "und")
        assert not mentions_brand("Akme is great", brand, "en")

    def test_unicode_case_folding(self) -> None:
        """Matching folds case the Unicode way (ß and SS)."""
        brand = BrandConfig(names={"*": ("Straße Moden",)})
        assert mentions_brand("STRASSE MODEN hat geliefert", brand)
        assert not mentions_brand("Straßenmoden", brand)

    def test_brand_without_names_matches_nothing(self) -> None:
        """A brand with no configured names is never mentioned."""
        assert not mentions_brand("Acme", BrandConfig())
