using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Mvc;

namespace StopThinkClick.Web.Platform.Web;

/// <summary>
/// Every CSV the app hands out. Class and pupil names are typed by people, and a school opens these
/// files in a spreadsheet: a name starting with = + - @ (or a tab or carriage return) would run
/// as a formula there, so CsvHelper writes such a cell with a leading apostrophe, as plain text.
/// </summary>
public static class CsvFile
{
    static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        NewLine = "\n",
    };

    public static FileContentResult Of(string fileName, IEnumerable<string> header, IEnumerable<IEnumerable<object>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, Configuration))
        {
            foreach (var name in header) csv.WriteField(name);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var cell in row) csv.WriteField(Convert.ToString(cell, CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }
        return new FileContentResult(Encoding.UTF8.GetBytes(text.ToString()), "text/csv") { FileDownloadName = fileName };
    }
}
