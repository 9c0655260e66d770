#!/usr/bin/env bash
# Compiles and lints the Bicep templates with the Bicep CLI from NuGet (infra/tools/Bicep.Tools.proj).
# Fails on any compiler or linter diagnostic, warnings included: infra/bicepconfig.json raises the linter rules to
# "error", and the compiler's own warnings (BCPxxx) are caught here from the output.
# Usage: bash infra/build.sh   (from anywhere; called by .ci/run)
set -euo pipefail

infra_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools_project="$infra_dir/tools/Bicep.Tools.proj"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

fail() {
  echo "infra/build.sh: $*" >&2
  exit 1
}

if ! restore_output="$(dotnet restore "$tools_project" --nologo --verbosity quiet 2>&1)"; then
  echo "$restore_output" >&2
  fail "restore of $tools_project failed"
fi

package_root="$(dotnet msbuild "$tools_project" -nologo -getProperty:NuGetPackageRoot)"
bicep_version="$(dotnet msbuild "$tools_project" -nologo -getProperty:BicepCliVersion)"
[[ -n "$package_root" && -n "$bicep_version" ]] || fail "cannot read NuGetPackageRoot/BicepCliVersion from $tools_project"
bicep="${package_root%/}/azure.bicep.commandline.linux-x64/$bicep_version/tools/bicep"
[[ -f "$bicep" ]] || fail "Bicep CLI not found at $bicep"
[[ -x "$bicep" ]] || chmod +x "$bicep"
echo "infra/build.sh: $("$bicep" --version)"

# Entry points: main.bicep (azd provision) and the subscription template the postdeploy hook deploys.
entry_points=(
  "$infra_dir/main.bicep"
  "$infra_dir/app/blob-event-subscription.bicep"
)
# Every template, so a module is linted even if no entry point references it.
mapfile -t all_templates < <(find "$infra_dir" -name '*.bicep' -not -path "$infra_dir/tools/*" | sort)

problems=0

# Runs a bicep command; any output on stderr (where diagnostics go) or a non-zero exit is a failure.
check() {
  local what="$1"
  shift
  local output status=0
  output="$("$bicep" "$@" 2>&1 >/dev/null)" || status=$?
  if [[ $status -ne 0 || -n "$output" ]]; then
    echo "FAIL $what (exit $status)"
    [[ -n "$output" ]] && echo "$output"
    problems=$((problems + 1))
  else
    echo "ok   $what"
  fi
}

for template in "${entry_points[@]}"; do
  check "build ${template#"$infra_dir"/}" build "$template" --stdout
done
for template in "${all_templates[@]}"; do
  check "lint  ${template#"$infra_dir"/}" lint "$template"
done

# Belt and braces: lint's own stdout, in case a future CLI version prints diagnostics there.
for template in "${entry_points[@]}"; do
  if "$bicep" lint "$template" 2>&1 | grep -Eq '(Warning|Error) [A-Za-z0-9-]+:'; then
    echo "FAIL lint ${template#"$infra_dir"/}: diagnostics in its output"
    problems=$((problems + 1))
  fi
done

if [[ $problems -ne 0 ]]; then
  fail "$problems Bicep check(s) failed"
fi
echo "infra/build.sh: ${#entry_points[@]} templates built, ${#all_templates[@]} linted, no warnings"
