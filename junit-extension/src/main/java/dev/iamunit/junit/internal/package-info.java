/** The implementation of IAMUnit's JUnit extension. Not API: anything here may change. */
@API(status = INTERNAL, since = "0.1")
package dev.iamunit.junit.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
