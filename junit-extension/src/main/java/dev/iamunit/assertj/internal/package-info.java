/**
 * What the assertions hand to the JUnit extension and nothing else uses. Not API: anything here may
 * change.
 */
@API(status = INTERNAL, since = "0.1")
package dev.iamunit.assertj.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
