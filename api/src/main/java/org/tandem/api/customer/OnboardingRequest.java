package org.tandem.api.customer;

import org.tandem.administration.customer.Onboarding;

import java.util.UUID;

/** The JSON body of {@code POST /customers}; a missing number counts as 0, which the plan's check refuses. */
public record OnboardingRequest(UUID resellerId, String companyName, String sipDomain, String adminUsername,
                                String adminPassword, Integer maxExtensions, Integer maxConcurrentCalls,
                                Integer maxCallsPerSecond) {

    Onboarding onboarding() {
        return new Onboarding(resellerId, companyName, sipDomain, adminUsername,
                adminPassword == null ? new char[0] : adminPassword.toCharArray(),
                orZero(maxExtensions), orZero(maxConcurrentCalls), orZero(maxCallsPerSecond));
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @Override
    public String toString() {
        return "OnboardingRequest[" + companyName + ", " + sipDomain + "]";
    }
}
