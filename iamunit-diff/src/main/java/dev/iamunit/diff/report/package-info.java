/**
 * An {@link dev.iamunit.diff.AccessDiff} as people and tools read it: console text, JSON, Markdown
 * for a pull request comment, and SARIF 2.1.0 for code-scanning annotations.
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.iamunit.diff.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
