"""Helpers that drive the checker page: wait for it, give it text, read its findings."""

from __future__ import annotations

READY_TIMEOUT_MS = 60_000


def wait_ready(page) -> None:
    page.wait_for_selector(
        "#pmkb-checker[data-checker-state=ready], #pmkb-checker[data-checker-state=error]",
        state="attached",
        timeout=READY_TIMEOUT_MS,
    )
    state = page.get_attribute("#pmkb-checker", "data-checker-state")
    assert state == "ready", page.inner_text("#pmkb-checker")


def check_text(page, text: str, mode: str = "draft", context: dict | None = None) -> list[dict]:
    """Set mode, context and text, wait for the checker's answer to them, return the findings."""
    page.check(f'input[name="pmkb-mode"][value="{mode}"]')
    page.wait_for_function("() => document.querySelector('select[name=phase]').options.length > 1")
    page.evaluate(
        """([text, context]) => {
            const root = document.getElementById('pmkb-checker');
            for (const field of root.querySelectorAll('.pmkb-checker__context select, .pmkb-checker__context input')) {
                field.value = context[field.name] || '';
                if (field.value !== (context[field.name] || '')) throw new Error(`no option ${context[field.name]} for ${field.name}`);
            }
            const area = document.getElementById('pmkb-text');
            area.value = text;
            area.dispatchEvent(new Event('input', {bubbles: true}));
        }""",
        [text, context or {}],
    )
    wait_checked(page)
    return rendered_findings(page)


def wait_checked(page) -> None:
    """Wait until the findings shown are those of the current text, mode and context."""
    page.wait_for_selector("#pmkb-checker[data-checker-state=ready]:not([data-pending])", state="attached", timeout=20_000)


def rendered_findings(page) -> list[dict]:
    """One entry per finding shown, a card with a count standing for each of its occurrences."""
    return page.eval_on_selector_all(
        ".pmkb-finding",
        """items => items.flatMap(i => i.dataset.occurrences.split(',').map(span => {
                const [start, end] = span.split('-').map(Number);
                return {category: i.dataset.category, severity: i.dataset.severity, start, end};
            }))""",
    )
