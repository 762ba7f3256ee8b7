import threading

from inventory_app.ui.tasks import TaskRunner


def test_work_runs_off_the_ui_thread_and_reports_back_on_it(qtbot):
    runner = TaskRunner()
    ui_thread = threading.get_ident()
    seen = {}

    def work(progress):
        seen["worker"] = threading.get_ident()
        progress(1, 2, "half")
        return 42

    progress_calls = []
    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False, timeout=5000):
        runner.run(
            work,
            on_done=lambda r: seen.update(result=r, done_thread=threading.get_ident()),
            on_progress=lambda d, t, text: progress_calls.append((d, t, text)),
        )
    assert seen["worker"] != ui_thread
    assert seen["result"] == 42 and seen["done_thread"] == ui_thread
    assert progress_calls == [(1, 2, "half")]


def test_a_failure_reaches_on_error(qtbot):
    runner = TaskRunner()
    errors = []

    def work(progress):
        raise ValueError("disk full")

    with qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: busy is False, timeout=5000):
        runner.run(work, on_error=errors.append)
    assert len(errors) == 1 and str(errors[0]) == "disk full"
