#!/usr/bin/env node
// The logic of IAMUnit's GitHub Action (action.yml at the repository root), kept out of the YAML so
// that it runs, and is tested, on any machine: iamunit-cli's GitHubActionScriptTests run it against a
// fake GitHub API on localhost with a fake event file. Node's standard library only (fetch, fs,
// child_process): nothing to install.
//
// 1. Reads the pull request from GITHUB_EVENT_PATH (its number, its base commit, the repository).
// 2. Makes the base available: a folder is used as it is; a revision is fetched from origin when the
//    clone lacks it (actions/checkout fetches one commit), and `iamunit diff` extracts it with git.
// 3. Runs `iamunit diff`, writing text to the log and markdown, SARIF and JSON to the output folder.
// 4. Creates the pull request's IAMUnit comment, or updates the one it made before: the comment is
//    found by the hidden marker the markdown report starts with, so a pull request has one.
// 5. Writes the outputs (exit-code, sarif, markdown, json) to GITHUB_OUTPUT and the markdown to the
//    job summary. It exits 0 when the diff ran, whatever the gate said, so the SARIF upload still
//    runs; action.yml fails the job afterwards with the diff's exit code.
//
// Environment (GitHub sets the GITHUB_* and RUNNER_* ones; action.yml maps its inputs to IAMUNIT_*):
//   IAMUNIT_JAR            the CLI jar (java -jar), or else
//   IAMUNIT_CLASSPATH      a class path holding dev.iamunit.cli.Main (the tests use their own)
//   IAMUNIT_BASE           folder or revision before the change (default: the pull request's base commit)
//   IAMUNIT_HEAD           folder or revision after it (default: ".", the checked-out head)
//   IAMUNIT_REPOSITORY     the repository root the paths are relative to (default: GITHUB_WORKSPACE or ".")
//   IAMUNIT_SOURCES        sources to load, separated by newlines or spaces (default: detection at the root)
//   IAMUNIT_FAIL_ON        new-access (default), any-change or never
//   IAMUNIT_COMMENT        "true" (default) to create or update the pull request comment
//   IAMUNIT_OUTPUT_DIR     where the reports go (default: RUNNER_TEMP/iamunit-diff)
//   GITHUB_TOKEN, GITHUB_API_URL (default https://api.github.com), GITHUB_EVENT_PATH, GITHUB_OUTPUT,
//   GITHUB_STEP_SUMMARY

import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

/** The first line of every IAMUnit diff comment (MarkdownReport.MARKER). */
export const MARKER = "<!-- iamunit-diff -->";

const env = process.env;

function log(message) {
  process.stderr.write(`iamunit-diff: ${message}\n`);
}

function fail(message) {
  log(message);
  process.exit(2);
}

function isFolder(path) {
  return existsSync(path) && statSync(path).isDirectory();
}

function git(repository, ...args) {
  return spawnSync("git", ["-C", repository, ...args], { encoding: "utf8" });
}

/** The pull request this run is for, or null on another event (a push): then there is nothing to comment on. */
function pullRequest() {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) {
    return null;
  }
  const event = JSON.parse(readFileSync(path, "utf8"));
  const pr = event.pull_request;
  if (!pr) {
    return null;
  }
  return { number: pr.number, baseSha: pr.base?.sha, repository: event.repository?.full_name };
}

/** A revision the diff can extract: fetched from origin when the clone does not hold it yet. */
function ensureRevision(repository, revision) {
  if (git(repository, "cat-file", "-e", `${revision}^{commit}`).status === 0) {
    return;
  }
  log(`fetching ${revision} from origin`);
  const fetched = git(repository, "fetch", "--no-tags", "--depth=1", "origin", revision);
  if (fetched.status !== 0) {
    fail(`cannot fetch the base ${revision}: ${fetched.stderr.trim()}`);
  }
}

function cli() {
  if (env.IAMUNIT_JAR) {
    return ["-jar", env.IAMUNIT_JAR];
  }
  if (env.IAMUNIT_CLASSPATH) {
    return ["-cp", env.IAMUNIT_CLASSPATH, "dev.iamunit.cli.Main"];
  }
  fail("set IAMUNIT_JAR to the iamunit CLI jar");
}

async function github(method, path, body) {
  const api = (env.GITHUB_API_URL || "https://api.github.com").replace(/\/$/, "");
  const response = await fetch(api + path, {
    method,
    headers: {
      Accept: "application/vnd.github+json",
      Authorization: `Bearer ${env.GITHUB_TOKEN || ""}`,
      "X-GitHub-Api-Version": "2022-11-28",
      "Content-Type": "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

/** The IAMUnit comment already on the pull request, found by its marker on any page, or null. */
async function existingComment(repository, number) {
  for (let page = 1; ; page++) {
    const comments = await github("GET", `/repos/${repository}/issues/${number}/comments?per_page=100&page=${page}`);
    const ours = comments.find((c) => typeof c.body === "string" && c.body.startsWith(MARKER));
    if (ours) {
      return ours;
    }
    if (comments.length < 100) {
      return null;
    }
  }
}

async function comment(pr, markdown) {
  const body = markdown.startsWith(MARKER) ? markdown : `${MARKER}\n${markdown}`;
  const existing = await existingComment(pr.repository, pr.number);
  if (existing) {
    await github("PATCH", `/repos/${pr.repository}/issues/comments/${existing.id}`, { body });
    log(`updated comment ${existing.id} on pull request #${pr.number}`);
  } else {
    const created = await github("POST", `/repos/${pr.repository}/issues/${pr.number}/comments`, { body });
    log(`created comment ${created.id} on pull request #${pr.number}`);
  }
}

function output(name, value) {
  if (env.GITHUB_OUTPUT) {
    appendFileSync(env.GITHUB_OUTPUT, `${name}=${value}\n`);
  }
}

async function main() {
  const repository = resolve(env.IAMUNIT_REPOSITORY || env.GITHUB_WORKSPACE || ".");
  const pr = pullRequest();
  const base = env.IAMUNIT_BASE || pr?.baseSha;
  if (!base) {
    fail("no base to compare with: run on pull_request, or set the action's base input");
  }
  const head = env.IAMUNIT_HEAD || ".";
  for (const version of [base, head]) {
    if (!isFolder(resolve(repository, version))) {
      ensureRevision(repository, version);
    }
  }
  const out = resolve(env.IAMUNIT_OUTPUT_DIR || join(env.RUNNER_TEMP || ".", "iamunit-diff"));
  mkdirSync(out, { recursive: true });
  const reports = { markdown: join(out, "diff.md"), sarif: join(out, "diff.sarif"), json: join(out, "diff.json") };
  const args = [...cli(), "diff", "--base", base, "--head", head, "--repository", repository,
    "--fail-on", env.IAMUNIT_FAIL_ON || "new-access"];
  for (const source of (env.IAMUNIT_SOURCES || "").split(/\s+/).filter(Boolean)) {
    args.push("--source", source);
  }
  for (const [format, file] of Object.entries(reports)) {
    args.push("--output", `${format}=${file}`);
  }
  const run = spawnSync("java", args, { stdio: ["ignore", "inherit", "inherit"], cwd: repository });
  if (run.error) {
    fail(`cannot run java: ${run.error.message}`);
  }
  // 0: nothing the gate fails on; 1: the gate failed. Anything else: no report was written.
  if (run.status !== 0 && run.status !== 1) {
    output("exit-code", run.status);
    fail(`iamunit diff exited with ${run.status}`);
  }
  output("exit-code", run.status);
  for (const [format, file] of Object.entries(reports)) {
    output(format, file);
  }
  const markdown = readFileSync(reports.markdown, "utf8");
  if (env.GITHUB_STEP_SUMMARY) {
    appendFileSync(env.GITHUB_STEP_SUMMARY, markdown);
  }
  if (!pr) {
    log("not a pull request: no comment");
  } else if ((env.IAMUNIT_COMMENT || "true") !== "true") {
    log("comment: false");
  } else {
    try {
      await comment(pr, markdown);
    } catch (error) {
      // A pull request from a fork gets a read-only token: the report is in the log, the job
      // summary and the SARIF, and the gate still decides.
      log(`could not comment on pull request #${pr.number}: ${error.message}`);
      output("comment-error", String(error.message).split("\n")[0]);
    }
  }
}

await main();
