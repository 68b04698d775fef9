package com.powerpto.platform.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PathFirstHandlerMappingTest {

    private static final String A = "0b8a7c52-3f1e-4d7a-9c1b-2e5f6a7b8c9d";
    private static final String B = "FFFFFFFF-0000-4000-8000-ABCDEFabcdef";

    @Test
    void pathsThatDifferOnlyInUuidSegmentsShareAShape() {
        String one = PathFirstHandlerMapping.shape("/api/companies/" + A + "/employees/" + B + "/balances");
        String two = PathFirstHandlerMapping.shape("/api/companies/" + B + "/employees/" + A + "/balances");
        assertThat(one).isEqualTo(two).isEqualTo("/api/companies/\u0000/employees/\u0000/balances");
    }

    @Test
    void everythingElseIsKeptAsItIs() {
        for (String path : new String[]{"/api/health", "/", "", "/api/companies/" + A + "/", "/api/companies/" + A + "//x",
                "/api/companies/me", "/api/x/" + A.replace('-', '_'), "/api/x/" + A + "0"}) {
            String shape = PathFirstHandlerMapping.shape(path);
            assertThat(shape.replace("\u0000", A)).as(path).isEqualTo(path);
        }
        assertThat(PathFirstHandlerMapping.shape("/api/x/" + A + "0")).doesNotContain("\u0000");
        assertThat(PathFirstHandlerMapping.shape("/api/x/" + A.replace('-', '_'))).doesNotContain("\u0000");
        assertThat(PathFirstHandlerMapping.shape("/api/companies/" + A + "/")).isEqualTo("/api/companies/\u0000/");
        assertThat(PathFirstHandlerMapping.shape("/api/companies/" + A + "//x")).isEqualTo("/api/companies/\u0000//x");
    }

    @Test
    void aNonHexCharacterOrAMisplacedDashIsNotAUuid() {
        assertThat(PathFirstHandlerMapping.shape("/x/" + A.replace('a', 'g'))).doesNotContain("\u0000");
        assertThat(PathFirstHandlerMapping.shape("/x/" + A.substring(0, 8) + "0" + A.substring(9))).doesNotContain("\u0000");
        assertThat(PathFirstHandlerMapping.shape("/x/" + A.replace('a', '\uff21'))).doesNotContain("\u0000");
    }
}
