{{- define "os-metal.name" -}}
gardener-extension-os-metal
{{- end -}}

{{- define "os-metal.labels" -}}
app.kubernetes.io/name: {{ include "os-metal.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "os-metal.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag }}
{{- end -}}

