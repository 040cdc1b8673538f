"""axe in a real browser: fail with the rule ids and the first offending nodes."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

_axe = Axe()


def assert_accessible(page, where: str = "") -> None:
    # A click that navigates returns once the new page has committed, not loaded: axe on a
    # document still loading reports an empty page (no main landmark, no heading).
    page.wait_for_load_state("load")
    results = _axe.run(page)
    violations = results.response["violations"]
    if violations:
        lines = [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                        for n in v["nodes"][:3])
            for v in violations
        ]
        raise AssertionError(f"axe violations on {where or page.url}:\n" + "\n".join(lines))
