"""Problems: "What to do" is shown whole, in every language, under the list (a tree cell cut it off)."""

from __future__ import annotations

import html

import pytest

from pleodesk.ui.jobs import Job
from pleodesk.ui.views.common import problem_text

from .conftest import MONTH
from .helpers import WAIT_MS


@pytest.mark.parametrize("lang", ["en", "nl", "fr", "de"])
def test_what_to_do_is_shown_whole(qtbot, qapp, ctx, demo_conn, lang):
    from pleodesk.ui.i18n import Translations
    from pleodesk.ui.main_window import MainWindow

    m = ctx.store.load_mappings(demo_conn.id)
    del m.categories["4100"]
    ctx.store.save_mappings(demo_conn.id, m)
    with qtbot.waitSignal(ctx.hub.run_finished, timeout=60_000):
        ctx.submit(Job("export_month", demo_conn.id, params={"month": MONTH}))
    t = Translations(qapp)
    try:
        t.install(lang)
        win = MainWindow(ctx, t)
        qtbot.addWidget(win)
        win.resize(1366, 728)
        win.show()
        win.show_tab(win.TAB_PROBLEMS)
        tab = win.problems_tab
        qtbot.waitUntil(lambda: any(g.kind == "category_unmapped" for g in tab.groups), timeout=WAIT_MS)
        group = next(g for g in tab.groups if g.kind == "category_unmapped")
        _title, fix = problem_text(group.kind, group.source_label or group.source_key, group.title, group.fix)
        assert len(fix) > 30
        item = next(tab.tree.topLevelItem(0).child(i) for i in range(tab.tree.topLevelItem(0).childCount())
                    if tab.tree.topLevelItem(0).child(i).data(0, 0x0100) is group)
        tab.tree.setCurrentItem(item.child(0))          # an expense of the group: its advice is shown
        qtbot.waitUntil(tab.advice.isVisible, timeout=WAIT_MS)
        text = tab.advice.text()
        assert html.escape(fix[0].upper() + fix[1:]) in text, text
        # All of it fits: the label is as tall as its wrapped text needs.
        assert tab.advice.height() >= tab.advice.heightForWidth(tab.advice.width())
    finally:
        t.install("en")
