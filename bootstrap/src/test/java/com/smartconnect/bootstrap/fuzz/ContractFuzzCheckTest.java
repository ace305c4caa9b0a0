package com.smartconnect.bootstrap.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.bootstrap.fuzz.OpenApiOperations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fuzz test's judgement of an answer can fail: each answer the contract forbids is named. */
class ContractFuzzCheckTest {

    private static Operation getMe;
    private static Operation passwordResetPage;

    @BeforeAll
    static void readTheContract() throws Exception {
        List<Operation> operations = OpenApiOperations.load().operations();
        getMe = find(operations, "getMe");
        passwordResetPage = find(operations, "getPasswordResetPage");
    }

    private static Operation find(List<Operation> operations, String id) {
        Optional<Operation> found = operations.stream().filter(op -> op.id().equals(id)).findFirst();
        assertThat(found).as(id).isPresent();
        return found.orElseThrow();
    }

    private static RawHttp.Response answer(int status, String contentType, String body) {
        return new RawHttp.Response(status, Map.of("content-type", contentType),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static String failure(Operation operation, RawHttp.Response response) {
        return ContractFuzzTest.contractFailure(operation, response, new HashMap<>());
    }

    @Test
    void aProblemWithItsCodeAndASuccessPass() {
        assertThat(failure(getMe, answer(401, "application/problem+json", "{\"code\":\"NOT_AUTHENTICATED\"}"))).isNull();
        assertThat(failure(getMe, answer(200, "application/json", "{}"))).isNull();
        assertThat(failure(passwordResetPage, answer(410, "text/html; charset=utf-8", "<html></html>"))).isNull();
    }

    @Test
    void a5xxAPlainTextProblemAProblemWithoutCodeAndAnUndeclaredPageTypeFail() {
        assertThat(failure(getMe, answer(500, "application/problem+json", "{\"code\":\"INTERNAL_ERROR\"}")))
                .startsWith("answered 500");
        assertThat(failure(getMe, answer(400, "text/plain", "Bad Request"))).contains("not application/problem+json");
        assertThat(failure(getMe, answer(404, "application/problem+json", "{\"title\":\"x\"}"))).contains("without a code");
        assertThat(failure(getMe, answer(400, "application/problem+json", "not json"))).contains("not a JSON object");
        assertThat(failure(passwordResetPage, answer(410, "application/json", "{}")))
                .contains("the contract declares [text/html]");
    }
}
