package org.tandem.api.openapi;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.junit.jupiter.api.Test;
import org.tandem.api.ApiApplication;
import org.tandem.api.security.PasswordAccepted;
import org.tandem.api.security.PublicEndpoint;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is written by hand, so this keeps it true: every resource method is in it and
 * nothing else, with the responses its kind of endpoint can give, every answer record has a schema
 * with exactly its members, and every reference resolves.
 */
class OpenApiDocumentTest {

    private static final Pattern REFERENCE = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/(\\w+)/(\\w+)\"");

    private final String text = read();
    private final JsonObject document = Json.createReader(new java.io.StringReader(text)).readObject();
    private final JsonObject paths = document.getJsonObject("paths");

    /** A resource method as served: HTTP method, path template, and the Java method behind it. */
    record Operation(String method, String path, Method javaMethod) {
    }

    @Test
    void listsEveryResourceMethodAndNothingElse() {
        Set<String> inCode = operations().stream().map(op -> op.method() + " " + op.path())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(key -> !key.equals("parameters"))
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));

        assertThat(documented).isEqualTo(inCode);
        assertThat(inCode).hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void eachOperationDocumentsTheAnswersItsKindCanGive() {
        for (Operation operation : operations()) {
            JsonObject documented = operation(operation);
            Set<String> codes = documented.getJsonObject("responses").keySet();
            String name = operation.method() + " " + operation.path();
            if (isPublic(operation.javaMethod())) {
                assertThat(documented.getJsonArray("security")).as(name).isEmpty();
                continue;
            }
            assertThat(codes).as(name + ": authentication").contains("401", "429");
            if (operation.path().contains("{")) {
                assertThat(codes).as(name + ": an id out of reach").contains("404");
                assertThat(documentedPathParameters(documented)).as(name).isEqualTo(countPathParameters(operation.javaMethod()));
            }
            if (takesABody(operation.javaMethod())) {
                assertThat(documented.containsKey("requestBody")).as(name).isTrue();
                assertThat(codes).as(name + ": bad input").contains("400", "413", "422");
            }
            PasswordAccepted password = operation.javaMethod().getAnnotation(PasswordAccepted.class);
            Set<String> schemes = documented.containsKey("security")
                    ? documented.getJsonArray("security").stream().flatMap(s -> s.asJsonObject().keySet().stream())
                    .collect(Collectors.toSet())
                    : Set.of("bearerToken");
            Set<String> expected = password == null ? Set.of("bearerToken")
                    : password.tokenAccepted() ? Set.of("bearerToken", "loginPassword") : Set.of("loginPassword");
            assertThat(schemes).as(name + ": credentials taken").isEqualTo(expected);
        }
    }

    @Test
    void everyAnswerSchemaIsARecordWithExactlyItsMembers() throws IOException, URISyntaxException {
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        Map<String, Class<?>> records = records();
        Set<String> answers = answerSchemas();
        assertThat(answers).contains("Problem", "InputError", "Customer", "CustomerDetails", "SipCredentials", "NewApiToken");
        for (String answer : answers) {
            Class<?> record = records.get(answer);
            assertThat(record).as("a record for schema " + answer).isNotNull();
            assertThat(schemas.getJsonObject(answer).getJsonObject("properties").keySet())
                    .as("members of " + answer)
                    .containsExactlyElementsOf(Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
        }
    }

    @Test
    void eachOperationAnswersTheSchemaItsMethodReturns() {
        for (Operation operation : operations()) {
            Class<?> returned = operation.javaMethod().getReturnType();
            if (!returned.isRecord()) {
                continue;
            }
            JsonObject responses = operation(operation).getJsonObject("responses");
            String success = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst().orElseThrow();
            assertThat(responses.getJsonObject(success).toString())
                    .as(operation.method() + " " + operation.path())
                    .contains("\"#/components/schemas/" + returned.getSimpleName() + "\"");
        }
    }

    /** The schemas the API answers with (from every response), and those they hold, all the way down. */
    private Set<String> answerSchemas() {
        Set<String> found = new TreeSet<>();
        List<JsonValue> toVisit = new ArrayList<>();
        paths.values().forEach(item -> item.asJsonObject().forEach((method, operation) -> {
            if (!method.equals("parameters")) {
                toVisit.add(operation.asJsonObject().get("responses"));
            }
        }));
        toVisit.add(document.getJsonObject("components").get("responses"));
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        while (!toVisit.isEmpty()) {
            Matcher references = Pattern.compile("#/components/schemas/(\\w+)").matcher(toVisit.removeLast().toString());
            while (references.find()) {
                if (found.add(references.group(1))) {
                    toVisit.add(schemas.get(references.group(1)));
                }
            }
        }
        return found;
    }

    @Test
    void everyReferenceResolves() {
        JsonObject components = document.getJsonObject("components");
        Matcher references = REFERENCE.matcher(text);
        int count = 0;
        while (references.find()) {
            count++;
            assertThat(components.getJsonObject(references.group(1)).containsKey(references.group(2)))
                    .as(references.group()).isTrue();
        }
        assertThat(count).isGreaterThan(50);
    }

    private JsonObject operation(Operation operation) {
        return paths.getJsonObject(operation.path()).getJsonObject(operation.method().toLowerCase(Locale.ROOT));
    }

    static List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Class<?> resource : ApiApplication.RESOURCES) {
            String base = "/" + resource.getAnnotation(Path.class).value();
            for (Method method : resource.getDeclaredMethods()) {
                httpMethod(method).ifPresent(http -> {
                    Path sub = method.getAnnotation(Path.class);
                    operations.add(new Operation(http, sub == null ? base : base + "/" + sub.value(), method));
                });
            }
        }
        return operations;
    }

    private static java.util.Optional<String> httpMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .map(Annotation::annotationType)
                .map(type -> type.getAnnotation(HttpMethod.class))
                .filter(java.util.Objects::nonNull)
                .map(HttpMethod::value)
                .findFirst();
    }

    private static boolean isPublic(Method method) {
        return method.isAnnotationPresent(PublicEndpoint.class)
                || method.getDeclaringClass().isAnnotationPresent(PublicEndpoint.class);
    }

    /** A parameter with no JAX-RS annotation is the entity: the request's body. */
    private static boolean takesABody(Method method) {
        return Arrays.stream(method.getParameterAnnotations()).anyMatch(annotations -> annotations.length == 0);
    }

    /** Path parameters are shared components (referenced); query parameters are written in place. */
    private static long documentedPathParameters(JsonObject operation) {
        return operation.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
                .filter(parameter -> parameter.containsKey("$ref") || "path".equals(parameter.getString("in", "")))
                .count();
    }

    private static int countPathParameters(Method method) {
        return (int) Arrays.stream(method.getParameterAnnotations())
                .filter(annotations -> Arrays.stream(annotations).anyMatch(PathParam.class::isInstance))
                .count();
    }

    /** Every top-level record under org.tandem.api, by simple name. */
    private static Map<String, Class<?>> records() throws IOException, URISyntaxException {
        java.nio.file.Path classes = Paths.get(ApiApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
                    .map(OpenApiDocumentTest::load)
                    .filter(Class::isRecord)
                    .filter(type -> type.getEnclosingClass() == null)
                    .collect(Collectors.toMap(Class::getSimpleName, type -> type));
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, OpenApiDocumentTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read() {
        try (InputStream document = OpenApiResource.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            return new String(document.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void isOpenApi31() {
        assertThat(document.getString("openapi")).isEqualTo("3.1.0");
        assertThat(document.getJsonArray("servers").getJsonObject(0).getString("url")).isEqualTo("/api");
        assertThat(document.get("security")).isNotEqualTo(JsonValue.NULL);
    }
}
