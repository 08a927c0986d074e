"""Charts drawn on the server as accessible inline SVG, for the motion statistics.

Each chart is a horizontal bar chart: every bar has its label and value written as
text above it, so nothing depends on colour. It reads at 320px: the bars are drawn
in percentages of the width while the text keeps its size, and long labels wrap onto
more lines. The SVG is one image to assistive technology (role="img" with <title>
and <desc>, the desc giving every number); the page shows a table of the same
numbers beside it.
"""

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

LINE_HEIGHT = 20
BAR_GAP = 6
BAR_HEIGHT = 14
ROW_GAP = 12
PADDING = 4
# About what fits on a 288px wide chart (a 320px screen) at the chart's font size.
LINE_CHARACTERS = 34


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    # The value as written on the chart and in the table ("12", "62%", "14,5 days").
    text: str = ""

    @property
    def shown(self) -> str:
        return self.text or f"{self.value:g}"

    def lines(self) -> list[str]:
        return textwrap.wrap(f"{self.label}: {self.shown}", LINE_CHARACTERS) or [""]


def bar_chart(
    bars: Sequence[Bar], *, chart_id: str, title: str, description: str = "", maximum=None
) -> SafeString:
    """A horizontal bar chart as an inline SVG string, safe to put in a template.

    ``maximum`` fixes the value of a full-width bar (100 for percentages); by default
    the largest value fills the width.
    """
    top = max([maximum or 0, *(bar.value for bar in bars)]) or 1
    summary = "; ".join(f"{bar.label}: {bar.shown}" for bar in bars)
    desc = f"{description} {summary}".strip() if description else summary
    rows = []
    y = PADDING
    for bar in bars:
        lines = bar.lines()
        text = format_html_join(
            "",
            '<tspan x="0" dy="{}">{}</tspan>',
            ((LINE_HEIGHT if number else 0, line) for number, line in enumerate(lines)),
        )
        baseline = y + LINE_HEIGHT - 5
        bar_y = y + LINE_HEIGHT * len(lines) + BAR_GAP - 4
        width = max(0.0, min(100.0, bar.value * 100 / top))
        rows.append(
            format_html(
                '<g class="chart__row"><text class="chart__label" x="0" y="{}">{}</text>'
                '<rect class="chart__track" x="0" y="{}" width="100%" height="{}"></rect>'
                '<rect class="chart__bar" x="0" y="{}" width="{}%" height="{}"></rect></g>',
                baseline,
                text,
                bar_y,
                BAR_HEIGHT,
                bar_y,
                f"{width:.2f}",
                BAR_HEIGHT,
            )
        )
        y = bar_y + BAR_HEIGHT + ROW_GAP
    return format_html(
        '<svg class="chart" id="{id}" xmlns="http://www.w3.org/2000/svg" width="100%" '
        'height="{height}" role="img" aria-labelledby="{id}-title {id}-desc">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "{rows}</svg>",
        id=chart_id,
        height=y + PADDING,
        title=title,
        desc=desc,
        rows=format_html_join("", "{}", ((row,) for row in rows)),
    )
