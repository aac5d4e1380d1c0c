package org.tandem.administration.prompts;

import org.tandem.administration.access.Actor;
import org.tandem.domain.tenant.PromptLanguage;

import java.util.List;
import java.util.UUID;

/** A tenant's prompt language: its admins, its reseller and the operator see and change it. */
public interface PromptLanguageService {

    /** The form field of the language, where a refusal is shown. */
    String LANGUAGE = "language";

    /** What a tenant may choose: the languages whose sound sets are installed on this node. */
    List<PromptLanguage> offered();

    PromptLanguage of(Actor actor, UUID tenantId);

    /**
     * Sets the tenant's prompt language, written on its home node (ADR 0003).
     *
     * @throws org.tandem.administration.shared.InvalidInputException on {@link #LANGUAGE}: not a language
     *                                                                 code, or no sound set of it installed
     */
    PromptLanguage change(Actor actor, UUID tenantId, String language);
}
