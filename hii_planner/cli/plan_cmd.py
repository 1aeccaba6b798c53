"""`hii-planner plan ...`: build, inspect, export and track participants' plans."""

from __future__ import annotations

import typer

from hii_planner.cli import plan_correct, plan_edit, plan_inspect, plan_new, plan_team, plan_track

app = typer.Typer(
    help="Build, inspect, export and track participants' plans.", no_args_is_help=True
)
app.command("new")(plan_new.new)
app.command("edit")(plan_edit.edit)
app.command("show")(plan_inspect.show)
app.command("check")(plan_inspect.check)
app.command("why")(plan_inspect.why)
app.command("export")(plan_inspect.export)
app.command("record")(plan_track.record)
app.command("reschedule")(plan_track.reschedule)
app.command("amend")(plan_correct.amend)
app.command("closure")(plan_correct.closure)
app.command("status")(plan_correct.status)
app.command("report")(plan_track.report)
app.command("list")(plan_track.list_plans)
app.command("merge")(plan_team.merge)
app.command("resolve")(plan_team.resolve)
