package org.tandem.api.customer;

import java.util.List;

/**
 * @param truncated whether more customers match than one answer holds (narrow the search to see them)
 */
public record CustomerList(List<Customer> customers, boolean truncated) {
}
