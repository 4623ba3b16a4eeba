/** How coverage is counted, stored and rendered; not API, may change without notice. */
package dev.iamunit.coverage.internal;
