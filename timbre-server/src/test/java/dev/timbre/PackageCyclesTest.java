package dev.timbre;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No package cycles anywhere: every {@code dev.timbre} package of every module on the server's class path (core, the
 * engines, the agent runtime, the server) may depend on others only one way. A cycle fails with the classes that
 * close it.
 */
class PackageCyclesTest {
    @Test
    void dependenciesBetweenPackagesGoOneWay() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.timbre");
        assertThat(classes.containPackage("dev.timbre.agent.voice")).as("the agent module is imported").isTrue();
        assertThat(classes.containPackage("dev.timbre.engine")).as("the core module is imported").isTrue();
        assertThat(classes.containPackage("dev.timbre.convai.conversation.transport")).as("the server is imported").isTrue();

        slices().matching("dev.timbre.(**)").should().beFreeOfCycles().check(classes);
    }
}
