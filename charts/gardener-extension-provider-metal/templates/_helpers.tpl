{{- define "provider-metal.name" -}}
gardener-extension-provider-metal
{{- end -}}

{{- define "provider-metal.labels" -}}
app.kubernetes.io/name: {{ include "provider-metal.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "provider-metal.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- end -}}

{{/* Enabled controllers, in a fixed order. */}}
{{- define "provider-metal.controllers" -}}
{{- $out := list -}}
{{- range $name := list "infrastructure" "worker" -}}
{{- $c := index $.Values.controllers $name -}}
{{- if and $c.enabled (not (has $name $.Values.disableControllers)) -}}
{{- $out = append $out $name -}}
{{- end -}}
{{- end -}}
{{- join "," $out -}}
{{- end -}}
