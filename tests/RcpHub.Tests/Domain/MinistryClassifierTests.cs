using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

public sealed class MinistryClassifierTests
{
    [Theory]
    [InlineData("Ministry of Interior", MinistryCategory.InteriorOrPolice)]
    [InlineData("Department of Home Affairs", MinistryCategory.InteriorOrPolice)]
    [InlineData("Ministère de l'Intérieur", MinistryCategory.InteriorOrPolice)]
    [InlineData("Gendarmerie nationale", MinistryCategory.InteriorOrPolice)]
    [InlineData("Policía Nacional", MinistryCategory.InteriorOrPolice)]
    [InlineData("Secretaría de Seguridad Pública", MinistryCategory.InteriorOrPolice)]
    [InlineData("МВД России", MinistryCategory.InteriorOrPolice)]
    [InlineData("Министерство внутренних дел", MinistryCategory.InteriorOrPolice)]
    [InlineData("وزارة الداخلية", MinistryCategory.InteriorOrPolice)]
    [InlineData("مديرية الأمن العام", MinistryCategory.InteriorOrPolice)]
    [InlineData("Department of Immigration", MinistryCategory.Immigration)]
    [InlineData("Ministry of Interior, Directorate of Migration", MinistryCategory.Immigration)]
    [InlineData("Office français de l'immigration et de l'intégration", MinistryCategory.Immigration)]
    [InlineData("Dirección General de Migración y Extranjería", MinistryCategory.Immigration)]
    [InlineData("Главное управление по вопросам миграции", MinistryCategory.Immigration)]
    [InlineData("المديرية العامة للجوازات والهجرة", MinistryCategory.Immigration)]
    [InlineData("Ministry of Labour and Employment", MinistryCategory.Labour)]
    [InlineData("Ministère du Travail", MinistryCategory.Labour)]
    [InlineData("Secretaría de Trabajo y Previsión Social", MinistryCategory.Labour)]
    [InlineData("Министерство труда и социальной защиты", MinistryCategory.Labour)]
    [InlineData("وزارة العمل", MinistryCategory.Labour)]
    [InlineData("Ministry of Foreign Affairs", MinistryCategory.ForeignAffairs)]
    [InlineData("Ministère des Affaires étrangères", MinistryCategory.ForeignAffairs)]
    [InlineData("Secretaría de Relaciones Exteriores", MinistryCategory.ForeignAffairs)]
    [InlineData("Министерство иностранных дел", MinistryCategory.ForeignAffairs)]
    [InlineData("МИД", MinistryCategory.ForeignAffairs)]
    [InlineData("وزارة الخارجية", MinistryCategory.ForeignAffairs)]
    [InlineData("Ministry of Health", MinistryCategory.Other)]
    [InlineData("Statistics Office", MinistryCategory.Other)]
    [InlineData("", MinistryCategory.Other)]
    public void Classifies_a_ministry_by_its_name_in_any_interface_language(string ministry, MinistryCategory expected) =>
        Assert.Equal(expected, MinistryClassifier.Classify(ministry));

    [Fact]
    public void Ignores_case_accents_and_extra_spaces() =>
        Assert.Equal(MinistryCategory.InteriorOrPolice, MinistryClassifier.Classify("  MINISTERE   DE L'INTERIEUR "));

    [Fact]
    public void Matches_acronyms_only_as_whole_words() =>
        // "мид" inside another word is not the foreign ministry.
        Assert.Equal(MinistryCategory.Other, MinistryClassifier.Classify("Пирамида"));
}
