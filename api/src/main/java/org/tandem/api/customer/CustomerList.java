package org.tandem.api.customer;

import java.util.List;

/**
 * @param truncated whether the answer is as long as one answer can be (200), so more may match: narrow the search
 */
public record CustomerList(List<Customer> customers, boolean truncated) {
}
