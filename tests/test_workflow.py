"""The Pages workflow is valid and builds with the README's build command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from helpers import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def test_workflow_matches_github_schema():
    checker = Path(sys.executable).with_name("check-jsonschema")
    result = subprocess.run(
        [str(checker), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_with_readme_command_and_deploys_pages_artifact():
    workflow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
    readme = (ROOT / "README.md").read_text("utf-8")
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s["run"] for s in steps if "run" in s]
    assert runs == ["make site"] and "make site " in readme
    uses = [s.get("uses", "").split("@")[0] for s in steps + workflow["jobs"]["deploy"]["steps"]]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "build/site"
    assert "SITE_URL" in next(s for s in steps if s.get("run") == "make site")["env"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    assert "\nmake test\n" in ci and "make test " in readme
