package com.powerpto.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.powerpto.support.ApiTest;
import com.powerpto.support.Person;
import com.powerpto.support.World;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, finding 13: the development mailbox (GreenMail, as in {@code make run}) showed every
 * company's mail — invitation links included — to anyone signed in. Now an admin reads their
 * company's messages and everyone else the messages addressed to them.
 */
@TestPropertySource(properties = {"pto.notifications.dev-smtp.enabled=true", "pto.notifications.dev-smtp.port=0"})
class DevMailboxApiTest extends ApiTest {

    @Autowired
    OutboxDelivery delivery;

    /** A company whose employee submitted a request (a message to the manager) and got an invitation (a message to them). */
    private record Company(World world, Person manager, Person employee) {
    }

    private Company companyWithMail() {
        World world = fixtures.newWorld();
        Person manager = world.manager("Mia");
        Person employee = world.employee("Eve", manager.id());
        UUID policy = world.timePolicy("vacation", Map.of());
        world.assign(policy, employee, "2020-01-01", null);
        world.adjust(employee, policy, 4800, "opening");
        world.submit(employee, policy, "2027-03-01T09:00", "2027-03-01T17:00").expect(201);
        world.asAdmin().put(world.base() + "/employees/" + employee.id() + "/account", Map.of("role", "employee")).expect(200);
        return new Company(world, manager, employee);
    }

    private List<String> recipients(com.powerpto.support.Http as) {
        JsonNode box = as.get("/api/dev/mailbox").expectJson(200);
        List<String> to = new ArrayList<>();
        box.path("items").forEach(m -> m.path("to").forEach(t -> to.add(t.asText())));
        assertThat(box.path("total").asInt()).isEqualTo(box.path("items").size());
        return to;
    }

    private String email(World world, Person person) {
        return world.asAdmin().get(world.base() + "/employees/" + person.id()).expectJson(200).path("email").asText();
    }

    @Test
    void eachCompanySeesOnlyItsOwnMailAndPeopleOnlyTheirs() {
        Company a = companyWithMail();
        Company b = companyWithMail();
        delivery.deliverDue(Instant.now().plusSeconds(1), 5000);

        List<String> adminOfA = recipients(a.world().asAdmin());
        assertThat(adminOfA).contains(email(a.world(), a.manager()), email(a.world(), a.employee()))
                .doesNotContain(email(b.world(), b.manager()), email(b.world(), b.employee()));
        List<String> employeeOfA = recipients(a.world().as(a.employee()));
        assertThat(employeeOfA).isNotEmpty().containsOnly(email(a.world(), a.employee()));
        List<String> managerOfB = recipients(b.world().as(b.manager()));
        assertThat(managerOfB).isNotEmpty().containsOnly(email(b.world(), b.manager()));
    }
}
