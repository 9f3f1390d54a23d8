package io.chainretail.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chainretail.core.json.StrictJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** JSON is read strictly ({@link StrictJson}): a fraction where a whole number is meant is refused. */
@Singleton
public class StrictJsonBodies implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        StrictJson.configure(mapper);
    }
}
