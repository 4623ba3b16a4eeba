package dev.iamunit.junit.internal;

import dev.iamunit.junit.AsPermissionSet;
import dev.iamunit.junit.AsRole;
import dev.iamunit.junit.AsRootUser;
import dev.iamunit.junit.AsUser;
import dev.iamunit.junit.InAccount;
import dev.iamunit.junit.AtTime;
import dev.iamunit.junit.FromIp;
import dev.iamunit.junit.IamPrincipal;
import dev.iamunit.junit.InRegion;
import dev.iamunit.junit.WithContext;
import dev.iamunit.junit.WithCredentials;
import dev.iamunit.junit.WithMFA;
import dev.iamunit.junit.WithPrincipalTag;
import dev.iamunit.junit.WithoutMFA;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Reads the scenario annotations of a test: on its method, its class, then each enclosing class,
 * directly or through meta-annotations. For each aspect (principal, credentials, time, region,
 * source IP) the closest element that says something wins; two annotations of one aspect on the
 * same element are an error naming both. Repeatable annotations add up, closest last.
 */
final class ScenarioAnnotations {

  private static final List<Class<? extends Annotation>> PRINCIPAL = List.of(AsUser.class, AsRole.class, AsRootUser.class,
      AsPermissionSet.class);
  private static final List<Class<? extends Annotation>> CREDENTIALS =
      List.of(WithMFA.class, WithoutMFA.class, WithCredentials.class);

  private ScenarioAnnotations() {}

  /** The elements that may declare the scenario, closest first. */
  static List<AnnotatedElement> elements(Optional<Method> method, Class<?> testClass) {
    List<AnnotatedElement> elements = new ArrayList<>();
    method.ifPresent(elements::add);
    for (Class<?> type = testClass; type != null; type = type.getEnclosingClass()) {
      elements.add(type);
    }
    return elements;
  }

  static ScenarioSettings resolve(List<AnnotatedElement> elements) {
    Optional<IamPrincipal> principal = Optional.empty();
    Optional<String> assumedBy = Optional.empty();
    Optional<Annotation> who = closest(elements, PRINCIPAL);
    if (who.isPresent()) {
      if (who.get() instanceof AsUser user) {
        principal = Optional.of(IamPrincipal.user(user.value()));
      } else if (who.get() instanceof AsRootUser) {
        principal = Optional.of(IamPrincipal.root());
      } else if (who.get() instanceof AsPermissionSet set) {
        // Its role is found in its account (@InAccount, else the loaded one) when a request is made there.
        principal = Optional.of(IamPrincipal.permissionSet(set.value(), set.session()));
      } else {
        AsRole role = (AsRole) who.get();
        principal = Optional.of(IamPrincipal.role(role.value(), role.session()));
        assumedBy = Optional.of(role.assumedBy()).filter(s -> !s.isEmpty());
      }
    }
    Optional<String> account = closest(elements, List.of(InAccount.class)).map(a -> ((InAccount) a).value());
    if (account.isPresent() && principal.isPresent()) {
      principal = Optional.of(principal.get().inAccount(account.get()));
    }
    CredentialChoice credentials = closest(elements, CREDENTIALS)
        .map(a -> a instanceof WithCredentials with
            ? new CredentialChoice(Optional.empty(), Optional.of(with.value()))
            : new CredentialChoice(Optional.of(a instanceof WithMFA), Optional.empty()))
        .orElse(CredentialChoice.DEFAULT);
    Optional<Instant> time = closest(elements, List.of(AtTime.class)).map(a -> instant((AtTime) a, elements));

    Map<String, List<String>> context = new LinkedHashMap<>();
    closest(elements, List.of(InRegion.class))
        .ifPresent(a -> context.put("aws:RequestedRegion", List.of(((InRegion) a).value())));
    closest(elements, List.of(FromIp.class))
        .ifPresent(a -> context.put("aws:SourceIp", List.of(((FromIp) a).value())));
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = elements.size() - 1; i >= 0; i--) {
      for (WithContext with : AnnotationSupport.findRepeatableAnnotations(elements.get(i), WithContext.class)) {
        context.put(with.key(), List.of(with.value()));
      }
      for (WithPrincipalTag tag : AnnotationSupport.findRepeatableAnnotations(elements.get(i), WithPrincipalTag.class)) {
        tags.put(tag.key(), tag.value());
      }
    }
    return new ScenarioSettings(principal, assumedBy, credentials, time, context, tags);
  }

  private static Optional<Annotation> closest(
      List<AnnotatedElement> elements, List<Class<? extends Annotation>> aspect) {
    for (AnnotatedElement element : elements) {
      List<Annotation> found = new ArrayList<>();
      for (Class<? extends Annotation> type : aspect) {
        AnnotationSupport.findAnnotation(element, type).ifPresent(found::add);
      }
      if (found.size() > 1) {
        throw Failures.failure("@" + found.get(0).annotationType().getSimpleName() + " and @"
            + found.get(1).annotationType().getSimpleName() + " are both declared on " + describe(element)
            + " (directly or through a composed annotation); they contradict each other, so keep one");
      }
      if (found.size() == 1) {
        return Optional.of(found.get(0));
      }
    }
    return Optional.empty();
  }

  private static Instant instant(AtTime at, List<AnnotatedElement> elements) {
    try {
      return Instant.parse(at.value());
    } catch (DateTimeParseException e) {
      throw Failures.failure("@AtTime(\"" + at.value() + "\") is not an ISO-8601 instant; write it like "
          + "\"2026-11-22T12:00:00Z\"");
    }
  }

  static String describe(AnnotatedElement element) {
    if (element instanceof Method method) {
      return "method " + method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
    }
    return "class " + ((Class<?>) element).getName();
  }
}
