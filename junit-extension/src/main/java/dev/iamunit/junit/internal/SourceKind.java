package dev.iamunit.junit.internal;

/** The kinds of sources {@code @IamTest} names, each loaded by one {@link SourceLoader}. */
public enum SourceKind {
  TERRAFORM("terraform", "Terraform"),
  TERRAFORM_PLAN("terraformPlan", "Terraform plan"),
  CLOUDFORMATION("cloudFormation", "CloudFormation");

  private final String attribute;
  private final String displayName;

  SourceKind(String attribute, String displayName) {
    this.attribute = attribute;
    this.displayName = displayName;
  }

  /** The {@code @IamTest} attribute that names sources of this kind. */
  public String attribute() {
    return attribute;
  }

  /** {@code CloudFormation}, as messages say it. */
  public String displayName() {
    return displayName;
  }
}
