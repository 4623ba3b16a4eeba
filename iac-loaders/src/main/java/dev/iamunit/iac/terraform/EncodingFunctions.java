package dev.iamunit.iac.terraform;

import static dev.iamunit.iac.terraform.FunctionSpec.Param.any;
import static dev.iamunit.iac.terraform.FunctionSpec.Param.string;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;

/** Terraform's encoding functions (developer.hashicorp.com/terraform/language/functions, "Encoding Functions"). */
final class EncodingFunctions {

  private EncodingFunctions() {}

  static final List<FunctionSpec> SPECS = List.of(
      // Unknown values inside stay placeholders, so a policy's known statements still read.
      FunctionSpec.of("jsonencode", c -> JsonValues.encode(c.arg(0), c.location()), any("val").orUnknown().orNull()),
      FunctionSpec.of("jsondecode", EncodingFunctions::jsondecode, string("str")));

  private static Value jsondecode(FunctionCall c) {
    Value.Str s = c.str(0);
    try {
      return JsonValues.fromJson(JsonTrees.read(s.text()), s.parts(), c.location());
    } catch (JsonProcessingException e) {
      throw c.error("was given text that is not JSON: " + e.getOriginalMessage());
    }
  }
}
