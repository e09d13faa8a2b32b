"""Search quality: queries applicants really type, each with the page it must put first, run through
the site's own search box in Chromium (the theme's lunr worker over site/search/search_index.json,
with the site's query script), on the built site.

An expected location with "#section" also names the section the first page must list first. The
set covers the field's abbreviations (ENT, OB/GYN, PM&R, #1, ROL, LOI, SOAP, PD), questions in an
applicant's words, and the developer pages, which stay searchable without coming before content.
"""

from __future__ import annotations

import pytest

from tests.quality.search_box import SearchBox

pytestmark = [pytest.mark.browser, pytest.mark.slow]

EXPECTED_FIRST = {
    # Abbreviations and other names
    "ENT": "specialties/otolaryngology/",
    "otolaryngology": "specialties/otolaryngology/",
    "OB/GYN": "specialties/obstetrics-gynecology/",
    "obgyn": "specialties/obstetrics-gynecology/",
    "PM&R": "specialties/physical-medicine-rehabilitation/",
    "physiatry": "specialties/physical-medicine-rehabilitation/",
    "peds": "specialties/pediatrics/",
    "ortho": "specialties/orthopaedic-surgery/",
    "#1": "rules/first-choice-to-one-program/",
    "number one choice": "rules/first-choice-to-one-program/",
    "ROL": "rules/rank-by-true-preference/",
    "LOI": "templates/first-choice-letter/",
    "letter of intent": "templates/first-choice-letter/",
    "SOAP": "rules/soap-contact-rules/",
    "PD": "glossary/",
    "J-1": "glossary/#j-1",
    "H-1B": "glossary/#h-1b",
    "ResidencyCAS": "glossary/#residencycas",
    "Match Day": "glossary/#match-day",
    # Questions and situations, in an applicant's words
    "program asked where I rank": "faq/#program-asked-how-i-will-rank",
    "program asked me where I will rank them": "faq/#program-asked-how-i-will-rank",
    "where else did you interview": "rules/programs-may-not-ask-other-programs/",
    "first choice two programs": "faq/#first-choice-to-two-programs",
    "thank you note": "templates/thank-you-after-interview/",
    "thank-you": "templates/thank-you-after-interview/",
    "first choice letter": "templates/first-choice-letter/",
    "update letter": "templates/update-letter/",
    "visa sponsorship": "templates/visa-sponsorship-question/",
    "second look": "templates/decline-second-look/",
    "mentor": "templates/mentor-outreach/",
    "binding": "rules/no-binding-commitments/",
    "pre-match offer": "rules/no-offers-outside-the-match/",
    "what is a pre-match offer": "rules/no-offers-outside-the-match/",
    "can a program ask me where I will rank it": "templates/reply-rank-question/",
    "how many emails should I send": "faq/#how-many-emails",
    "offer outside the match": "rules/no-offers-outside-the-match/",
    "deadline": "rules/no-deadlines-or-pressure/",
    "apologize for my school": "rules/present-training-with-confidence/",
    "urology match": "specialties/urology/",
    "ophthalmology": "specialties/ophthalmology/",
    "dermatology": "specialties/dermatology/",
    "emergency medicine": "specialties/emergency-medicine/",
    "internal medicine thank you": "specialties/internal-medicine/",
    "communication log": "guides/communication-log/",
    "handbook pdf": "",  # the home page, which links the PDF
    # Developer pages: still found when asked for by name
    "benchmarks": "benchmarks/",
}


@pytest.fixture(scope="module")
def search(site_server, chromium):
    page = chromium.new_page()
    try:
        yield SearchBox(page, site_server)
    finally:
        page.close()


def test_the_set_is_large_enough_and_names_the_fields_abbreviations():
    assert len(EXPECTED_FIRST) >= 30
    assert {"ENT", "OB/GYN", "PM&R", "#1", "ROL", "LOI", "SOAP", "PD"} <= set(EXPECTED_FIRST)


@pytest.mark.parametrize("query", list(EXPECTED_FIRST))
def test_query_puts_the_expected_page_first(search, query):
    expected = EXPECTED_FIRST[query]
    found = search.results(query, count=6)
    assert found, f"{query!r}: no result"
    page, _, section = expected.partition("#")
    assert found[0] == page, f"{query!r}: expected {expected!r} first, got {found}"
    if section:
        sections = [f for f in found[1:] if f.startswith(page + "#")]
        assert sections[:1] == [expected], f"{query!r}: expected section {expected!r} first, got {found}"

