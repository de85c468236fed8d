"""Checks action.yml, the composite action, which actionlint does not read.

- the keys GitHub requires of an action: name, description, runs.using, and for a
  composite action runs.steps, a shell on each run step, a value for each output,
  a description for each input and output;
- every ${{ inputs.X }} and ${{ steps.ID.outputs.Y }} names an input or an earlier
  step that exists; every file a step runs from the action's folder exists;
- inputs.version defaults to Cargo.toml's version, so that the tag vX.Y.Z of the action
  installs the vitae released with it;
- then its steps, put in a workflow with the same inputs (on: workflow_call), go through
  actionlint, which checks their expressions, the actions they use and (with
  shellcheck) their scripts.

Usage: python3 .ci/check-action.py ACTIONLINT   (from the repository root)
"""

import os
import re
import subprocess
import sys
import tempfile

import yaml

errors = []


def error(msg):
    errors.append(msg)


action = yaml.safe_load(open("action.yml", encoding="utf-8"))
for key in ("name", "description", "runs"):
    if not isinstance(action.get(key), (str, dict)) or not action.get(key):
        error(f"action.yml: `{key}` is required")
runs = action.get("runs") or {}
if runs.get("using") != "composite":
    error(f"action.yml: runs.using is {runs.get('using')!r}, expected 'composite'")
steps = runs.get("steps")
if not isinstance(steps, list) or not steps:
    error("action.yml: a composite action needs runs.steps")
    steps = []
inputs = action.get("inputs") or {}
outputs = action.get("outputs") or {}
for name, spec in inputs.items():
    if not isinstance(spec, dict) or not spec.get("description"):
        error(f"action.yml: input `{name}` has no description")
for name, spec in outputs.items():
    if not isinstance(spec, dict) or not spec.get("description") or "value" not in spec:
        error(f"action.yml: output `{name}` needs a description and a value")
for want in ("files", "args", "version"):
    if want not in inputs:
        error(f"action.yml: the input `{want}` is missing")

seen_ids = set()
for i, step in enumerate(steps):
    where = f"action.yml: step {i + 1}" + (f" ({step['id']})" if "id" in step else "")
    if ("run" in step) == ("uses" in step):
        error(f"{where}: a step has either `run` or `uses`")
    if "run" in step and "shell" not in step:
        error(f"{where}: a run step of a composite action needs `shell`")
    if "uses" in step and not re.fullmatch(r"[\w.-]+/[\w./-]+@[\w.-]+", step["uses"]):
        error(f"{where}: `uses: {step['uses']}` is not OWNER/REPO@REF")
    text = yaml.safe_dump(step)
    for ref in re.findall(r"\binputs\.([\w-]+)", text):
        if ref not in inputs:
            error(f"{where}: inputs.{ref} is not an input")
    for ref in re.findall(r"\bsteps\.([\w-]+)\.", text):
        if ref not in seen_ids:
            error(f"{where}: steps.{ref} is not an earlier step")
    for ref in re.findall(r"GITHUB_ACTION_PATH\S*?\}/([\w.-][\w./-]*)", step.get("run", "")):
        if not os.path.isfile(ref):
            error(f"{where}: runs {ref}, which is not in the repository")
    if "id" in step:
        seen_ids.add(step["id"])
for name, spec in outputs.items():
    for ref in re.findall(r"\bsteps\.([\w-]+)\.", str(spec.get("value", ""))):
        if ref not in seen_ids:
            error(f"action.yml: output `{name}` reads steps.{ref}, which is not a step")

cargo = open("Cargo.toml", encoding="utf-8").read()
version = re.search(r'^version = "([^"]+)"', cargo, re.M).group(1)
default = str((inputs.get("version") or {}).get("default", ""))
if default != version:
    error(f"action.yml: inputs.version defaults to {default!r}, but Cargo.toml's version is {version!r}")

# The steps in a reusable workflow with the same inputs, through actionlint.
workflow = {
    "name": "action.yml",
    "on": {"workflow_call": {"inputs": {
        name: {"type": "string", "required": False, "default": str(spec.get("default", ""))}
        for name, spec in inputs.items()
    }}},
    "jobs": {"action": {"runs-on": "ubuntu-latest", "steps": steps}},
}
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "action-steps.yml")
    with open(path, "w", encoding="utf-8") as f:
        yaml.safe_dump(workflow, f, sort_keys=False, width=1000)
    lint = subprocess.run([sys.argv[1], "-oneline", path], capture_output=True, text=True)
    for line in (lint.stdout + lint.stderr).splitlines():
        error("action.yml's steps (as a workflow): " + re.sub(r"\S*action-steps\.yml", "action-steps.yml", line))

if errors:
    print("\n".join(errors))
    sys.exit(1)
print(f"action.yml: {len(steps)} steps, inputs {', '.join(inputs)}; version {version}, as Cargo.toml; actionlint: clean")
