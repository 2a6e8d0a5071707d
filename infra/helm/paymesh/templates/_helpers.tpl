{{/* Names: every resource is prefixed with the release, so two releases can share a namespace. */}}
{{- define "paymesh.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "paymesh.name" -}}
{{- printf "%s-%s" (include "paymesh.fullname" .root) .component -}}
{{- end -}}

{{- define "paymesh.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of one component; NetworkPolicies select pods by these too. */}}
{{- define "paymesh.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "paymesh.image" -}}
{{- $image := .root.Values.image -}}
{{- $prefix := ternary $image.repository (printf "%s/%s" $image.registry $image.repository) (empty $image.registry) -}}
{{- printf "%s/%s:%s" $prefix .component (default .root.Chart.AppVersion $image.tag) -}}
{{- end -}}

{{/* Kafka: the Strimzi cluster this chart creates, or the external one named in values. */}}
{{- define "paymesh.kafkaName" -}}
{{- printf "%s-kafka" (include "paymesh.fullname" .) -}}
{{- end -}}

{{- define "paymesh.kafkaBootstrap" -}}
{{- if .Values.kafka.create -}}
{{- printf "%s-kafka-bootstrap:9092" (include "paymesh.kafkaName" .) -}}
{{- else -}}
{{- required "kafka.externalBootstrapServers is required when kafka.create is false" .Values.kafka.externalBootstrapServers -}}
{{- end -}}
{{- end -}}

{{/* The database of a service: the CloudNativePG cluster's name, and the secret holding its URL. */}}
{{- define "paymesh.dbClusterName" -}}
{{- printf "%s-%s-db" (include "paymesh.fullname" .root) .db -}}
{{- end -}}

{{- define "paymesh.dbUrlEnv" -}}
{{- $db := index .root.Values.postgres .db -}}
- name: {{ .variable }}
  valueFrom:
    secretKeyRef:
{{- if $db.create }}
      # CloudNativePG writes <cluster>-app with the owner's credentials; "uri" is a ready postgresql:// URL to the primary.
      name: {{ include "paymesh.dbClusterName" . }}-app
      key: uri
{{- else }}
      name: {{ required (printf "postgres.%s.existingSecret.name is required when postgres.%s.create is false" .db .db) $db.existingSecret.name }}
      key: {{ $db.existingSecret.key }}
{{- end }}
{{- end -}}

{{- define "paymesh.serviceUrl" -}}
{{- $svc := index .root.Values .key -}}
{{- printf "http://%s:%v" (include "paymesh.name" (dict "root" .root "component" .component)) $svc.port -}}
{{- end -}}
