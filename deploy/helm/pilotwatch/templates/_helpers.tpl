{{/* Names are <release>-<part>; the job labels the rules expect come from app.kubernetes.io/name. */}}
{{- define "pilotwatch.prefix" -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of every object; workloads and pods add their selector labels (which hold the instance). */}}
{{- define "pilotwatch.commonLabels" -}}
app.kubernetes.io/part-of: pilotwatch
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "pilotwatch.labels" -}}
{{ include "pilotwatch.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector labels. app.kubernetes.io/name is the Prometheus job (pilotwatch-ingest, pilotwatch-analytics). */}}
{{- define "pilotwatch.ingest.selector" -}}
app.kubernetes.io/name: pilotwatch-ingest
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: ingest
{{- end -}}

{{- define "pilotwatch.analytics.selector" -}}
app.kubernetes.io/name: pilotwatch-analytics
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: analytics
{{- end -}}

{{- define "pilotwatch.image" -}}
{{ .image.repository }}:{{ .image.tag | default .root.Chart.AppVersion }}
{{- end -}}

{{/* The Strimzi cluster's name and the listener the services use. */}}
{{- define "pilotwatch.kafka.cluster" -}}
{{- include "pilotwatch.prefix" . -}}
{{- end -}}

{{- define "pilotwatch.kafka.port" -}}
{{- if .Values.strimzi.listenerTls }}9093{{ else }}9092{{ end -}}
{{- end -}}

{{- define "pilotwatch.kafka.bootstrap" -}}
{{- if .Values.strimzi.enabled -}}
{{ include "pilotwatch.kafka.cluster" . }}-kafka-bootstrap:{{ include "pilotwatch.kafka.port" . }}
{{- else -}}
{{ required "kafka.bootstrapServers is required unless strimzi.enabled" .Values.kafka.bootstrapServers }}
{{- end -}}
{{- end -}}

{{/*
Kafka client security as environment variables with the service's pass-through prefix (KAFKA_PRODUCER_ for the
bridge, KAFKA_STREAMS_ for analytics): they reach the clients untouched (docs/configuration.md). With Strimzi and
SCRAM: the KafkaUser's Secret (made by the User Operator) holds sasl.jaas.config; the cluster CA is read as PEM.
Call with (dict "root" $ "prefix" "KAFKA_PRODUCER_" "user" "<KafkaUser name>").
*/}}
{{- define "pilotwatch.kafka.securityEnv" -}}
{{- $v := .root.Values -}}
{{- if $v.strimzi.enabled }}
{{- if eq $v.strimzi.authentication "scram-sha-512" }}
- name: {{ .prefix }}SECURITY_PROTOCOL
  value: {{ if $v.strimzi.listenerTls }}SASL_SSL{{ else }}SASL_PLAINTEXT{{ end }}
- name: {{ .prefix }}SASL_MECHANISM
  value: SCRAM-SHA-512
- name: {{ .prefix }}SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef: {name: {{ .user }}, key: sasl.jaas.config}
{{- else }}
{{- /* Mutual TLS: the KafkaUser's Secret holds user.crt and user.key (PEM), passed inline as a PEM key store. */}}
- name: {{ .prefix }}SECURITY_PROTOCOL
  value: SSL
- name: {{ .prefix }}SSL_KEYSTORE_TYPE
  value: PEM
- name: {{ .prefix }}SSL_KEYSTORE_CERTIFICATE_CHAIN
  valueFrom:
    secretKeyRef: {name: {{ .user }}, key: user.crt}
- name: {{ .prefix }}SSL_KEYSTORE_KEY
  valueFrom:
    secretKeyRef: {name: {{ .user }}, key: user.key}
{{- end }}
{{- if $v.strimzi.listenerTls }}
- name: {{ .prefix }}SSL_TRUSTSTORE_TYPE
  value: PEM
- name: {{ .prefix }}SSL_TRUSTSTORE_LOCATION
  value: /etc/pilotwatch/kafka-ca/ca.crt
{{- end }}
{{- else }}
{{- range $key, $value := $v.kafka.clientConfig }}
- name: {{ printf "%s%s" $.prefix ($key | upper | replace "." "_" | replace "-" "_") }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- if $v.kafka.saslJaasConfigSecret.name }}
- name: {{ .prefix }}SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef: {name: {{ $v.kafka.saslJaasConfigSecret.name }}, key: {{ $v.kafka.saslJaasConfigSecret.key }}}
{{- end }}
{{- end }}
{{- end -}}

{{- define "pilotwatch.kafka.caVolumeMount" -}}
{{- if and .Values.strimzi.enabled .Values.strimzi.listenerTls }}
- {name: kafka-ca, mountPath: /etc/pilotwatch/kafka-ca, readOnly: true}
{{- end }}
{{- end -}}

{{- define "pilotwatch.kafka.caVolume" -}}
{{- if and .Values.strimzi.enabled .Values.strimzi.listenerTls }}
- name: kafka-ca
  secret:
    secretName: {{ include "pilotwatch.kafka.cluster" . }}-cluster-ca-cert
    items: [{key: ca.crt, path: ca.crt}]
{{- end }}
{{- end -}}

{{/* Extra environment variables from a map (name: value). */}}
{{- define "pilotwatch.env" -}}
{{- range $name, $value := . }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{- define "pilotwatch.probes" -}}
startupProbe:
  httpGet: {path: /health/live, port: http}
  periodSeconds: 2
  failureThreshold: {{ .startupFailures }}
livenessProbe:
  httpGet: {path: /health/live, port: http}
  periodSeconds: 10
  failureThreshold: 3
# Ready: Kafka answers (and, for the bridge, the MQTT side is up). Not ready takes no traffic but is not restarted.
readinessProbe:
  httpGet: {path: /health/ready, port: http}
  periodSeconds: 5
  failureThreshold: {{ .readyFailures }}
{{- end -}}

{{/* Egress of the services: DNS, Kafka and, with mqtt, the MQTT broker. */}}
{{- define "pilotwatch.np.egress" -}}
{{- $np := .root.Values.networkPolicy -}}
# DNS.
- ports:
    - {protocol: UDP, port: 53}
    - {protocol: TCP, port: 53}
# Kafka.
- ports:
    {{- range $np.egress.kafkaPorts }}
    - {protocol: TCP, port: {{ . }}}
    {{- end }}
  {{- if .root.Values.strimzi.enabled }}
  to:
    - podSelector:
        matchLabels:
          strimzi.io/cluster: {{ include "pilotwatch.kafka.cluster" .root }}
  {{- else if $np.egress.kafkaTo }}
  to:
    {{- toYaml $np.egress.kafkaTo | nindent 4 }}
  {{- end }}
{{- if .mqtt }}
# The plant's MQTT broker (subscribe mode).
- ports:
    {{- range $np.egress.mqttPorts }}
    - {protocol: TCP, port: {{ . }}}
    {{- end }}
  {{- with $np.egress.mqttTo }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
{{- end }}
