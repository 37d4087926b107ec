"""Run axe-core in the page and fail with a readable list of WCAG 2.2 AA problems."""

from axe_playwright_python.sync_playwright import Axe

# Only the WCAG 2.2 level A/AA rules: best-practice rules are advice, not the bar.
WCAG_22_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

_axe = Axe()


def axe_violations(page, *, context=None) -> list[dict]:
    options = {
        "runOnly": {"type": "tag", "values": WCAG_22_AA_TAGS},
        "resultTypes": ["violations"],
    }
    return _axe.run(page, context=context, options=options).response["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact')}): {violation['help']}"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"       {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page, *, context=None) -> None:
    """Fail the test if axe finds any WCAG 2.2 AA violation on the current page."""
    violations = axe_violations(page, context=context)
    if violations:
        report = describe_violations(violations)
        print(f"axe found {len(violations)} violation(s) on {page.url}:\n{report}")
        raise AssertionError(
            f"{len(violations)} WCAG 2.2 AA violation(s) on {page.url}:\n{report}"
        )
