package io.pilotwatch.simulator.sparkplug;

import org.eclipse.tahu.message.model.MetricDataType;

/**
 * The metrics every simulated device declares in its DBIRTH, with their datatypes. The names are those of
 * docs/sparkplug-mapping.example.yaml; a device's aliases are its base plus the ordinal.
 */
enum SparkplugMetrics {
    PROCESS("Properties/Process", MetricDataType.String),
    KEY_PROCESS("Properties/KeyProcess", MetricDataType.Boolean),
    CNC("Properties/CNC", MetricDataType.Boolean),
    IDEAL_CYCLE_SECONDS("Properties/IdealCycleSeconds", MetricDataType.Double),
    STATE("Machine/State", MetricDataType.Int32),
    UNIT_ID("Production/UnitId", MetricDataType.String),
    RESULT("Production/Result", MetricDataType.String),
    CYCLE_START("Production/CycleStart", MetricDataType.DateTime),
    CYCLE_END("Production/CycleEnd", MetricDataType.DateTime),
    DEFECT_CODE("Production/DefectCode", MetricDataType.String),
    CURRENCY("Cost/Currency", MetricDataType.String),
    ENERGY("Cost/Energy", MetricDataType.Double),
    ENERGY_KWH("Cost/EnergyKwh", MetricDataType.Double),
    LABOR("Cost/Labor", MetricDataType.Double),
    MATERIAL("Cost/Material", MetricDataType.Double),
    MAINTENANCE("Cost/Maintenance", MetricDataType.Double),
    OTHER("Cost/Other", MetricDataType.Double);

    /** Aliases must be unique across an edge node and its devices: each device gets this many. */
    static final int ALIASES_PER_DEVICE = 32;

    final String metricName;
    final MetricDataType type;

    SparkplugMetrics(String metricName, MetricDataType type) {
        this.metricName = metricName;
        this.type = type;
    }
}
