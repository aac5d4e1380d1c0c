package org.tandem.administration.extension;

/**
 * A tenant user's login just made for an extension, with its generated password. The password exists
 * only in this answer (the database keeps its hash), so it is shown to the admin once and never again.
 */
public record IssuedPortalLogin(ExtensionSummary extension, String username, String password) {

    @Override
    public String toString() {
        return "IssuedPortalLogin[" + username + " for " + extension.number() + ", password hidden]";
    }
}
