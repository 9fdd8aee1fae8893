"""Article text for the hostile-input tests: markup, terminal escapes, bidi and invisible
characters, HTML and Markdown; and wide or right-to-left scripts with emoji."""

from __future__ import annotations

INJECTION_TITLE = "Council [bold]approves[/] budget [link=https://x]y[/link] and [@click=app.quit]z"
INJECTION = [
    INJECTION_TITLE,
    "The vote \x1b[31mwas red\x1b[0m and \x1b[2J cleared nothing, \x1b]0;pwned\x07 set no title,"
    " \x1b]52;c;SGVsbG8=\x07 copied nothing, the clerk said.",
    "A link \x1b]8;;https://evil.example\x1b\\click me\x1b]8;;\x1b\\ goes nowhere, officials said.",
    "Access level: \u202euser\u202c admin \u2066hidden\u2069 text, the report said.",
    "Zero\u200bwidth\u200b spaces go, joiners stay: 👨\u200d👩\u200d👧 and می\u200cخواهم were kept.",
    "<script>alert('x')</script> and <img src=x onerror=alert(1)> stay text in the council minutes.",
    "# Not a heading\n| a | b |\n|---|---|\n**not bold** [link](http://x) `code` in the budget notes.",
]
INJECTION_NAMES = ("[@click=app.quit]x.txt", "[bold red]evil[reverse].txt")
"""File names are shown where no outlet is known; a name cannot hold "/", so no closing tags."""


WIDE_A = [
    "城市议会批准新预算 Council approves budget",
    "市议会周二晚上经过长时间辩论后批准了新的预算案。议员们表示，这份预算将用于修缮河上的桥梁和学校。"
    "反对者说，图书馆的经费被削减了太多。",
    "Emoji in the minutes: 👨\u200d👩\u200d👧\u200d👦 families, 🏳\ufe0f\u200d🌈 flags, 👍🏽 votes"
    " and 🇯🇵 guests filled the hall, 🎉🎉🎉 cheering as the result was read out"
    " at the end of the long night.",
    "وافق مجلس المدينة على الميزانية الجديدة بعد نقاش طويل يوم الثلاثاء، "
    "وقال رئيس البلدية إن الجسر سيُصلح قبل الشتاء.",
    "日本語の段落も含まれています。東京の代表団は予算の承認を歓迎しました。",
]
WIDE_B = [
    "城市议会批准新预算 Council approves budget",
    "市议会周三晚上经过长时间辩论后批准了新的预算案。议员们表示，这份预算将用于修缮河上的桥梁。"
    "反对者说，图书馆的经费被削减了太多。",
    "Emoji in the minutes: 👨\u200d👩\u200d👧\u200d👦 families, 🏳\ufe0f\u200d🌈 flags, 👎🏽 votes"
    " and 🇰🇷 guests filled the hall, 🎉 cheering as the result was read out at the end of the long night.",
    "وافق مجلس المدينة على الميزانية الجديدة بعد نقاش قصير يوم الأربعاء، "
    "وقال رئيس البلدية إن الجسر سيُصلح قبل الشتاء.",
    "한국어 문단은 B에만 있습니다. 서울 대표단도 예산 승인을 환영했습니다.",
]
