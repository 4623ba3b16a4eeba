/**
 * What a change to the templates changes in who may do what: both versions are evaluated over one
 * finite request space ({@link dev.iamunit.diff.RequestSpace}) and every request whose decision or
 * deciding statements differ is reported ({@link dev.iamunit.diff.AccessDiff}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
package dev.iamunit.diff;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
