"""The checker page's address: `?template=NAME` looks up the site's own templates only."""

from __future__ import annotations

import pytest

from .test_checker_page import open_checker

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", ["constructor", "__proto__", "toString", "hasOwnProperty"])
def test_an_inherited_property_name_is_no_template(page, site_url, name):
    """Before: ?template=constructor filled the box with "undefined" (Object.prototype's names)."""
    open_checker(page, site_url, f"?template={name}")
    assert f"There is no template called “{name}”" in page.inner_text(".pmkb-checker__template-note")
    assert page.input_value("#pmkb-text") == ""
