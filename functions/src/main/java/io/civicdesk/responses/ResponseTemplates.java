package io.civicdesk.responses;

import java.util.List;
import java.util.Optional;

/** The council's saved templates ({@link ResponseTemplateStore}; a map in the handler tests). */
public interface ResponseTemplates {

    /** Every template the council saved, retired ones too. */
    List<ResponseTemplate> saved();

    Optional<ResponseTemplate> saved(String templateId);

    /** Writes {@code template} only over {@code expectedVersion} (0: none saved yet); false when someone saved first. */
    boolean save(ResponseTemplate template, int expectedVersion);
}
