package com.smartconnect.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.smartconnect.application.device.DeviceRegistrationService;
import com.smartconnect.domain.account.EmailAddress;
import com.smartconnect.domain.device.ProductId;
import com.smartconnect.domain.device.ProductKey;
import com.smartconnect.domain.device.Sensitivity;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The catalogue of problem codes and the contract list the same codes. */
class ProblemCatalogueTest {

    @Test
    void theContractListsEveryCodeOfTheCatalogueAndNoOther() {
        Set<String> catalogue = Arrays.stream(ProblemCode.values()).map(Enum::name).collect(Collectors.toSet());

        assertThat(ContractAnswers.instance().problemCodes()).containsExactlyInAnyOrderElementsOf(catalogue);
    }

    @Test
    void theCodesOfTheApplicationsFieldRefusalsAnsweredAsProblemsAreInTheCatalogue() {
        // A refused e-mail address, label code or sensitivity is answered with the field error's own code.
        List<String> fieldCodes = List.of(EmailAddress.REQUIRED, EmailAddress.INVALID, ProductId.REQUIRED,
                ProductId.INVALID, ProductKey.REQUIRED, ProductKey.INVALID, Sensitivity.INVALID,
                DeviceRegistrationService.INVALID_QR_URL);

        assertThat(fieldCodes).allSatisfy(code -> assertThat(ProblemCode.find(code)).as(code)
                .hasValueSatisfying(found -> assertThat(found.statuses()).containsExactly(400)));
    }

    @Test
    void everyProblemOfTheCatalogueIsAnsweredWithItsOwnStatusAndTitle() {
        for (ProblemCode code : ProblemCode.values()) {
            for (int status : code.statuses()) {
                var json = new Problem(code, status, "A detail.", java.util.Map.of()).toJson();
                assertThat(json.getString("code")).isEqualTo(code.name());
                assertThat(json.getInteger("status")).isEqualTo(status);
                assertThat(json.getString("title")).isEqualTo(code.title()).isNotBlank();
                assertThat(json.getString("type")).isEqualTo("urn:smartconnect:problem:" + code.name());
            }
        }
    }
}
