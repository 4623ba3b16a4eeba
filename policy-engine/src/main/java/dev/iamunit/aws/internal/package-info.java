/** Loading and indexing of the bundled AWS data; not API, may change without notice. */
package dev.iamunit.aws.internal;
