package org.tandem.api.tenant;

/** The JSON body that creates ({@code number} and {@code displayName}) or renames ({@code displayName}) an extension. */
public record ExtensionRequest(String number, String displayName) {
}
