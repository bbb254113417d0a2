package io.pilotwatch.analytics.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pilotwatch.analytics.config.DefinitionFileException;
import io.pilotwatch.analytics.kpi.Kpi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsFileTest {

    @TempDir
    Path dir;

    @Test
    void policyDefaultsAreTheBox2Milestones() {
        PlantPolicy policy = TargetsFile.policyDefaults().forPlant("any-plant");

        assertThat(policy.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(policy.currency()).isEqualTo("CNY");
        assertThat(policy.milestones()).extracting(Milestone::id).containsExactly("2020", "2025");
        Milestone m2020 = policy.milestones().get(0);
        assertThat(m2020.due()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(m2020.targets().get(Kpi.OPERATING_COST)).isEqualTo(new Target(Kpi.OPERATING_COST,
                Target.Type.REDUCTION, 0.30));
        assertThat(m2020.targets().get(Kpi.CNC_RATIO).amount()).isEqualTo(0.50);
        assertThat(m2020.targets().get(Kpi.ENERGY_PER_UNIT).amount()).isEqualTo(0.18);
        Milestone m2025 = policy.milestones().get(1);
        assertThat(m2025.targets().get(Kpi.DEFECT_RATE).amount()).isEqualTo(0.50);
        assertThat(m2025.targets().get(Kpi.CNC_RATIO).amount()).isEqualTo(0.64);
        assertThat(m2025.assessmentStart()).isEqualTo(LocalDate.of(2025, 10, 3));
    }

    @Test
    void plantOverridesItsDatesAndKeepsTheDefaultsElsewhere() throws IOException {
        Targets targets = TargetsFile.load(write("""
                defaults:
                  milestones:
                    "2025": {due: 2025-12-31, targets: {defect_rate: {reduction: 0.5}}}
                plants:
                  new-pilot:
                    currency: USD
                    milestones:
                      "2027": {due: 2027-06-30, assessmentDays: 60, targets: {cnc_ratio: {atLeast: 0.7}}}
                """));

        assertThat(targets.forPlant("new-pilot").currency()).isEqualTo("USD");
        assertThat(targets.forPlant("new-pilot").milestones()).extracting(Milestone::id).containsExactly("2027");
        assertThat(targets.forPlant("new-pilot").zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(targets.forPlant("other").milestones()).extracting(Milestone::id).containsExactly("2025");
    }

    @Test
    void badDateFailsNamingTheFileAndTheKey() throws IOException {
        Path file = write("""
                defaults:
                  milestones:
                    "2020": {due: 2020-13-31, targets: {defect_rate: {reduction: 0.3}}}
                """);

        assertThatThrownBy(() -> TargetsFile.load(file)).isInstanceOf(DefinitionFileException.class)
                .hasMessage("targets file '" + file + "', key 'defaults.milestones.2020.due': must be a date "
                        + "YYYY-MM-DD, got '2020-13-31'");
    }

    @Test
    void unknownKeyAndWrongTargetKindFail() throws IOException {
        Path typo = write("""
                defaults:
                  timezone: Asia/Shanghai
                  milestone: {}
                """);
        Path floorForCost = write("""
                defaults:
                  milestones:
                    "2020": {due: 2020-12-31, targets: {operating_cost: {atLeast: 0.5}}}
                """);

        assertThatThrownBy(() -> TargetsFile.load(typo)).hasMessageContaining("key 'defaults.milestone': is not a known key");
        assertThatThrownBy(() -> TargetsFile.load(floorForCost))
                .hasMessageContaining("key 'defaults.milestones.2020.targets.operating_cost': needs 'reduction'");
    }

    @Test
    void reductionOutsideZeroToOneAndBadZoneFail() throws IOException {
        Path reduction = write("""
                defaults:
                  milestones:
                    "2020": {due: 2020-12-31, targets: {defect_rate: {reduction: 30}}}
                """);
        Path zone = write("""
                defaults:
                  timezone: China/Hangzhou
                  milestones:
                    "2020": {due: 2020-12-31, targets: {defect_rate: {reduction: 0.3}}}
                """);

        assertThatThrownBy(() -> TargetsFile.load(reduction))
                .hasMessageContaining("key 'defaults.milestones.2020.targets.defect_rate.reduction': must be from");
        assertThatThrownBy(() -> TargetsFile.load(zone)).hasMessageContaining("key 'defaults.timezone': is not a time zone");
    }

    @Test
    void groupsKeepTheirMembersInFileOrderAndAPlantMayBelongToSeveral() throws IOException {
        Targets targets = TargetsFile.load(write("""
                defaults:
                  milestones:
                    "2020": {due: 2020-12-31, targets: {defect_rate: {reduction: 0.3}}}
                groups:
                  zhejiang: {name: Zhejiang province, plants: [hz-gearbox, nb-pump]}
                  machinery:
                    plants: [nb-pump, sz-motor]
                """));

        assertThat(targets.groups()).containsExactly(
                new Group("zhejiang", "Zhejiang province", List.of("hz-gearbox", "nb-pump")),
                new Group("machinery", "machinery", List.of("nb-pump", "sz-motor")));
        assertThat(TargetsFile.policyDefaults().groups()).isEmpty();
    }

    @Test
    void badGroupsFailNamingTheKey() throws IOException {
        String milestones = """
                defaults:
                  milestones:
                    "2020": {due: 2020-12-31, targets: {defect_rate: {reduction: 0.3}}}
                """;
        assertThatThrownBy(() -> TargetsFile.load(write(milestones + "groups:\n  all: {plants: [a]}\n")))
                .hasMessageContaining("key 'groups.all': is not a group id").hasMessageContaining("not 'all'");
        assertThatThrownBy(() -> TargetsFile.load(write(milestones + "groups:\n  g: {plants: a}\n")))
                .hasMessageContaining("key 'groups.g.plants': must be a list");
        assertThatThrownBy(() -> TargetsFile.load(write(milestones + "groups:\n  g: {plants: []}\n")))
                .hasMessageContaining("key 'groups.g.plants': is empty");
        assertThatThrownBy(() -> TargetsFile.load(write(milestones + "groups:\n  g: {plants: [a, 'b/c']}\n")))
                .hasMessageContaining("key 'groups.g.plants': item 2 'b/c' is not a plant id");
        assertThatThrownBy(() -> TargetsFile.load(write(milestones + "groups:\n  g: {plants: [a, a]}\n")))
                .hasMessageContaining("key 'groups.g.plants': names plant 'a' twice");
        assertThatThrownBy(() -> TargetsFile.load(write(milestones + "groups:\n  g: {members: [a]}\n")))
                .hasMessageContaining("key 'groups.g.members': is not a known key");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "targets", ".yaml"), yaml);
    }
}
