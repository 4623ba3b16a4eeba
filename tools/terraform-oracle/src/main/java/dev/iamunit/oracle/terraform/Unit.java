package dev.iamunit.oracle.terraform;

import java.nio.file.Path;

/**
 * One Terraform root module the oracle plans: a folder of {@code .tf} files, or a single
 * {@code .tf}/{@code .tf.json} file read with the non-Terraform files beside it (the policy files
 * its {@code file()} and {@code templatefile()} calls read).
 *
 * @param name how the table and KNOWN_DIFFERENCES.md name it: its path from the repository's parent
 *     folder, {@code shared/corpus/terraform/x.tf} or {@code oracle20/example-repo/terraform}
 * @param source the folder or file
 */
record Unit(String name, Path source) {}
