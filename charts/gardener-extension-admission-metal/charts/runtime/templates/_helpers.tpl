{{- define "admission-metal.name" -}}
gardener-extension-admission-metal
{{- end -}}

{{- define "admission-metal.labels" -}}
app.kubernetes.io/name: {{ include "admission-metal.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: runtime
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "admission-metal.selector" -}}
app.kubernetes.io/name: {{ include "admission-metal.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
